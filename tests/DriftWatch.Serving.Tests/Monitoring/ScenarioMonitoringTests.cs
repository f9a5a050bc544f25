using DriftWatch.Integrity;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Tests.Monitoring;

/// <summary>Each scenario through the monitor: the right signals, and only those.</summary>
public sealed class ScenarioMonitoringTests
{
    private const int Stable = 5_000;

    [Fact]
    public void Monitor_None20000Rows_NoDriftSignal()
    {
        // Expected false-alarm rate: the automatic methods on 5 000-row windows against the 10 000-row reference
        // sample are Wasserstein (normed, threshold 0.1) and Jensen-Shannon (threshold 0.1) distances, whose values
        // under no drift are about 0.01 to 0.03: the chance of a per-feature alarm per evaluation is far below 1e-6, so
        // over 80 evaluations × 8 features the expected number of false alarms is ~0. ADWIN (delta 0.002) on
        // 20 000 stationary errors bounds its false-positive probability by delta per cut test; the integrity floors
        // (1% excess) sit more than 10 standard errors above the noise of a 5 000-row window.
        var harness = new ScenarioHarness(seed: 101);

        var snapshots = harness.Play(DriftScenario.None, 20_000);

        Assert.Equal(80, snapshots.Count);
        Assert.All(snapshots, s =>
        {
            Assert.Null(s.Snapshot.Error);
            Assert.Empty(s.Snapshot.DriftedFeatures);
            Assert.False(s.Snapshot.DatasetDriftDetected);
            Assert.False(s.Snapshot.PredictionDrift?.Result.Detected ?? false);
            Assert.Empty(s.Snapshot.Integrity.Faults);
            Assert.False(s.Snapshot.Quality.BelowFloor);
        });
        Assert.Equal(0, snapshots[^1].Snapshot.Concept.Detections);
        Assert.Equal(20_000, snapshots[^1].Snapshot.TotalRows);
        Assert.NotNull(snapshots[^1].Snapshot.Features);
    }

    [Fact]
    public void Monitor_CovariateShift_ShiftedFeaturesAndDatasetDrift()
    {
        var harness = new ScenarioHarness(seed: 102);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.CovariateShift, 5_000)[^1].Snapshot;

        Assert.Equal(CreditRiskGenerator.ShiftedFeatures(DriftScenario.CovariateShift).Order(), last.DriftedFeatures.Order());
        Assert.True(last.DatasetDriftDetected);
        Assert.DoesNotContain(last.Integrity.Faults, f => f.Kind == IntegrityFaultKind.SwappedColumns);
    }

    [Fact]
    public void Monitor_ConceptDrift_AccuracyFallsDetectorFiresNoInputDrift()
    {
        var harness = new ScenarioHarness(seed: 103);
        var before = harness.Play(DriftScenario.None, Stable)[^1].Snapshot;

        var snapshots = harness.Play(DriftScenario.ConceptDrift, 5_000);
        var last = snapshots[^1].Snapshot;

        Assert.True(before.Quality.Accuracy > 0.8, $"accuracy before {before.Quality.Accuracy:F3}");
        Assert.True(last.Quality.Accuracy < 0.7, $"accuracy after {last.Quality.Accuracy:F3}");
        Assert.True(last.Quality.BelowFloor);
        Assert.True(last.Concept.Detections >= 1);
        Assert.Equal(0, before.Concept.Detections);
        Assert.All(snapshots, s =>
        {
            Assert.Empty(s.Snapshot.DriftedFeatures);
            Assert.False(s.Snapshot.PredictionDrift?.Result.Detected ?? false);
            Assert.Empty(s.Snapshot.Integrity.Faults);
        });
    }

    [Fact]
    public void Monitor_SwappedColumns_FaultNamesBothFeatures()
    {
        var harness = new ScenarioHarness(seed: 104);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.SwappedColumns, 5_000)[^1].Snapshot;

        var fault = Assert.Single(last.Integrity.Faults, f => f.Kind == IntegrityFaultKind.SwappedColumns);
        Assert.Equal([CreditRiskSchema.Age, CreditRiskSchema.DebtToIncome], fault.Features);
        Assert.Subset(new HashSet<string>([CreditRiskSchema.Age, CreditRiskSchema.DebtToIncome]), last.DriftedFeatures.ToHashSet());
    }

    [Fact]
    public void Monitor_BlankField_MissingCountsOnThatFeatureOnly()
    {
        var harness = new ScenarioHarness(seed: 105);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.BlankField, 5_000)[^1].Snapshot;

        var fault = Assert.Single(last.Integrity.Faults);
        Assert.Equal(IntegrityFaultKind.Missing, fault.Kind);
        Assert.Equal([CreditRiskSchema.Income], fault.Features);
        Assert.Equal(CreditRiskGenerator.BlankShare, fault.Share, 0.03);
        Assert.All(last.Integrity.Features, c =>
        {
            if (c.Feature == CreditRiskSchema.Income)
            {
                Assert.InRange(c.Missing, 1_300, 1_700);
                Assert.Equal(c.Missing, c.WindowMissing);
            }
            else
            {
                Assert.Equal(0, c.Missing);
            }
        });
    }

    [Fact]
    public void Monitor_Outliers_OutOfRangeFaults()
    {
        var harness = new ScenarioHarness(seed: 106);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.Outliers, 5_000)[^1].Snapshot;

        Assert.NotEmpty(last.Integrity.Faults);
        Assert.All(last.Integrity.Faults, f => Assert.Equal(IntegrityFaultKind.OutOfRange, f.Kind));
        Assert.InRange(last.Integrity.Features.Sum(c => c.WindowOutOfRange), 190, 310);
    }

    [Fact]
    public void Monitor_SeasonalDevice_DeviceTypeDriftsAtMidday()
    {
        var harness = new ScenarioHarness(seed: 107);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.SeasonalDevice, 5_000, _ => 0.25)[^1].Snapshot;

        Assert.Equal([CreditRiskSchema.DeviceType], last.DriftedFeatures);
        Assert.Empty(last.Integrity.Faults);
    }

    [Fact]
    public void Monitor_CorrelationShift_InvisibleToPerFeatureTests()
    {
        // Every marginal is unchanged, so per-feature drift must stay silent: finding this needs a multivariate method.
        var harness = new ScenarioHarness(seed: 108);
        harness.Play(DriftScenario.None, Stable);

        var last = harness.Play(DriftScenario.CorrelationShift, 5_000)[^1].Snapshot;

        Assert.Empty(last.DriftedFeatures);
        Assert.Empty(last.Integrity.Faults);
    }
}
