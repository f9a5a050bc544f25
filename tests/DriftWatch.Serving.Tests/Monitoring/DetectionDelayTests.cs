using DriftWatch.Integrity;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Tests.Monitoring;

/// <summary>
/// Rows from the start of a scenario until its first signal, after 5 000 stable rows, with evaluations every 250 rows
/// (the concept-drift delay is exact: the index of the outcome at which the detector fired). The figures are printed
/// to the test output and documented in docs/live-monitoring.md; the bounds here guard against regressions.
/// </summary>
public sealed class DetectionDelayTests(ITestOutputHelper output)
{
    private const int Stable = 5_000;
    private const int Horizon = 10_000;

    [Theory]
    [InlineData("covariate_shift", 2_500)]
    [InlineData("concept_drift", 2_000)]
    [InlineData("gradual_concept_drift", 8_000)]
    [InlineData("seasonal_device", 8_000)]
    [InlineData("swapped_columns", 1_000)]
    [InlineData("blank_field", 250)]
    [InlineData("outliers", 1_000)]
    public void Monitor_Scenario_SignalsWithinBound(string name, int bound)
    {
        Assert.True(DriftScenarios.TryParse(name, out var scenario));
        var harness = new ScenarioHarness(seed: 200 + (int)scenario);
        var before = harness.Play(DriftScenario.None, Stable)[^1].Snapshot;

        var snapshots = harness.Play(scenario, Horizon, rows => scenario switch
        {
            DriftScenario.GradualConceptDrift => Math.Min(1.0, rows / (double)Horizon),
            DriftScenario.SeasonalDevice => Math.Min(1.0, rows / (double)Horizon) / 4, // morning to midday over the run
            _ => 0,
        });
        var delay = FirstSignal(scenario, before, snapshots);

        output.WriteLine($"{name}: first signal after {delay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} rows");
        Assert.NotNull(delay);
        Assert.InRange(delay.Value, 1, bound);
    }

    private static int? FirstSignal(DriftScenario scenario, DriftSnapshot before, List<(int Rows, DriftSnapshot Snapshot)> snapshots)
    {
        foreach (var (rows, s) in snapshots)
        {
            switch (scenario)
            {
                case DriftScenario.ConceptDrift or DriftScenario.GradualConceptDrift when s.Concept.Detections > before.Concept.Detections:
                    return (int)(s.Concept.LastDetectionOutcome - before.Concept.Outcomes) + 1;
                case DriftScenario.CovariateShift when s.DatasetDriftDetected:
                case DriftScenario.SeasonalDevice when s.DriftedFeatures.Contains(CreditRiskSchema.DeviceType):
                case DriftScenario.SwappedColumns when s.Integrity.Faults.Any(f => f.Kind == IntegrityFaultKind.SwappedColumns):
                case DriftScenario.BlankField when s.Integrity.Faults.Any(f => f.Kind == IntegrityFaultKind.Missing):
                case DriftScenario.Outliers when s.Integrity.Faults.Any(f => f.Kind == IntegrityFaultKind.OutOfRange):
                    return rows;
                default:
                    break;
            }
        }

        return null;
    }
}
