using System.Text.Json;
using DriftWatch.Quality;

namespace DriftWatch.Tests.Quality;

public sealed class CbpeEstimatorTests
{
    private static readonly string[] MetricNames = ["accuracy", "precision", "recall", "specificity", "f1", "roc_auc"];

    private static readonly Lazy<CbpeEstimator> Fitted = new(() =>
    {
        var c = LabelFreeReference.Get("cbpe");
        var reference = c.GetProperty("reference");
        var tests = c.GetProperty("calibration").GetProperty("test_sets").EnumerateArray().Select(t => t.Ints()).ToArray();
        return CbpeEstimator.Fit(
            reference.GetProperty("scores").Doubles(),
            reference.GetProperty("predicted").Ints(),
            reference.GetProperty("actual").Ints(),
            tests,
            new CbpeOptions { ChunkSize = c.GetProperty("chunk_size").GetInt32() });
    });

    public static TheoryData<string> Chunks => ["unshifted", "covariate_shift", "concept_shift"];

    [Fact]
    public void Fit_ScikitLearnSplits_CalibrationErrorsMatch()
    {
        var expected = LabelFreeReference.Get("cbpe").GetProperty("calibration");

        var calibration = Fitted.Value.Calibration;

        Assert.Equal(expected.Double("ece_before"), calibration.ErrorBefore, 1e-12);
        Assert.Equal(expected.Double("ece_after"), calibration.ErrorAfter, 1e-12);
        Assert.Equal(expected.GetProperty("needs_calibration").GetBoolean(), calibration.NeedsCalibration);
        Assert.NotNull(Fitted.Value.Calibrator);
    }

    [Fact]
    public void Fit_OwnSeededSplits_ReachSameDecision()
    {
        var c = LabelFreeReference.Get("cbpe");
        var reference = c.GetProperty("reference");

        var estimator = CbpeEstimator.Fit(
            reference.GetProperty("scores").Doubles(),
            reference.GetProperty("predicted").Ints(),
            reference.GetProperty("actual").Ints(),
            new CbpeOptions { ChunkSize = 500 });

        Assert.True(estimator.Calibration.NeedsCalibration);
        Assert.Equal("ece", estimator.Calibration.Reason);
        Assert.Equal(10, estimator.ReferenceChunks);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Estimate_ReferenceChunk_MatchesScikitLearnTo1e9(string name)
    {
        var chunk = ChunkData(name);

        var estimate = Fitted.Value.Estimate(chunk.GetProperty("scores").Doubles(), chunk.GetProperty("predicted").Ints(), chunk.GetProperty("actual").Ints());

        var confusion = chunk.GetProperty("expected_confusion").Doubles();
        Assert.Equal(confusion[0], estimate.ExpectedConfusion.TruePositives, 1e-9);
        Assert.Equal(confusion[1], estimate.ExpectedConfusion.FalsePositives, 1e-9);
        Assert.Equal(confusion[2], estimate.ExpectedConfusion.FalseNegatives, 1e-9);
        Assert.Equal(confusion[3], estimate.ExpectedConfusion.TrueNegatives, 1e-9);
        foreach (var expected in chunk.GetProperty("metrics").EnumerateArray())
        {
            var metric = (CbpeMetric)Array.IndexOf(MetricNames, expected.GetProperty("metric").GetString());
            var actual = estimate[metric];
            Assert.Equal(expected.Double("estimate"), actual.Value, 1e-9);
            Assert.Equal(expected.Double("sampling_error"), actual.SamplingError, 1e-9);
            Assert.Equal(expected.Double("lower_bound"), actual.LowerBound, 1e-9);
            Assert.Equal(expected.Double("upper_bound"), actual.UpperBound, 1e-9);
            Assert.Equal(expected.Double("lower_threshold"), actual.LowerThreshold, 1e-9);
            Assert.Equal(expected.Double("upper_threshold"), actual.UpperThreshold, 1e-9);
            Assert.Equal(expected.GetProperty("alert").GetBoolean(), actual.Alert);
            Assert.Equal(expected.Double("realized"), actual.Realized!.Value, 1e-9);
        }
    }

    [Fact]
    public void Estimate_Calibrated_MatchesScikitLearnIsotonic()
    {
        var chunk = ChunkData("covariate_shift");
        var scores = chunk.GetProperty("scores").Doubles();
        var expected = chunk.GetProperty("calibrated").Doubles();

        var calibrator = Fitted.Value.Calibrator!;

        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(expected[i], calibrator.Predict(scores[i]), 1e-12);
        }
    }

    [Fact]
    public void Estimate_CovariateShift_FollowsRealizedQualityAndAlerts()
    {
        var chunk = ChunkData("covariate_shift");

        var estimate = Fitted.Value.Estimate(chunk.GetProperty("scores").Doubles(), chunk.GetProperty("predicted").Ints(), chunk.GetProperty("actual").Ints());

        foreach (var m in estimate.Metrics)
        {
            // The estimate lies within its own 3-sigma sampling band of the truth and leaves the reference band.
            Assert.InRange(Math.Abs(m.Value - m.Realized!.Value), 0, 3 * m.SamplingError);
            Assert.True(m.Alert, $"{m.Metric} should alert");
        }

        Assert.True(estimate[CbpeMetric.Accuracy].Realized < estimate[CbpeMetric.Accuracy].LowerThreshold, "realized accuracy fell too");
    }

    [Fact]
    public void Estimate_ConceptShift_StaysPutWhileRealizedQualityFalls()
    {
        var chunk = ChunkData("concept_shift");

        var estimate = Fitted.Value.Estimate(chunk.GetProperty("scores").Doubles(), chunk.GetProperty("predicted").Ints(), chunk.GetProperty("actual").Ints());

        var accuracy = estimate[CbpeMetric.Accuracy];
        Assert.False(accuracy.Alert);
        Assert.True(accuracy.Value - accuracy.Realized!.Value > 10 * accuracy.SamplingError, "the gap is what reveals concept drift");
        Assert.True(estimate[CbpeMetric.RocAuc].Value - estimate[CbpeMetric.RocAuc].Realized!.Value > 0.3);
    }

    [Fact]
    public void Estimate_WithoutLabels_LeavesRealizedNull()
    {
        var chunk = ChunkData("unshifted");

        var estimate = Fitted.Value.Estimate(chunk.GetProperty("scores").Doubles(), chunk.GetProperty("predicted").Ints());

        Assert.All(estimate.Metrics, m => Assert.Null(m.Realized));
        Assert.False(estimate.AnyAlert);
    }

    [Fact]
    public void ExpectedConfusion_HandWorked_SumsProbabilities()
    {
        var confusion = CbpeEstimator.ExpectedConfusion([0.9, 0.6, 0.2, 0.1], [1, 1, 0, 0]);

        Assert.Equal(1.5, confusion.TruePositives, 1e-15);
        Assert.Equal(0.5, confusion.FalsePositives, 1e-15);
        Assert.Equal(0.3, confusion.FalseNegatives, 1e-15);
        Assert.Equal(1.7, confusion.TrueNegatives, 1e-15);
        Assert.Equal((1.5 + 1.7) / 4, confusion.Accuracy, 1e-15);
        Assert.Equal(0.75, confusion.Precision, 1e-15);
    }

    [Fact]
    public void EstimateRocAuc_CertainProbabilities_EqualsRealizedAuc()
    {
        // With p̂ exactly 0/1 the expected ROC curve is the realized one.
        double[] raw = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3];
        double[] p = [1, 0, 1, 1, 0, 0];

        var estimated = CbpeEstimator.EstimateRocAuc(p, raw);

        Assert.Equal(ClassificationMetrics.RocAuc([1, 0, 1, 1, 0, 0], raw), estimated, 1e-15);
    }

    [Fact]
    public void EstimateRocAuc_NoExpectedNegatives_IsNaN()
    {
        Assert.True(double.IsNaN(CbpeEstimator.EstimateRocAuc([1, 1], [0.2, 0.4])));
    }

    [Fact]
    public void Fit_TooFewRowsForTwoChunks_ThrowsNamingChunkSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => CbpeEstimator.Fit([0.1, 0.9, 0.2], [0, 1, 0], [0, 1, 1], new CbpeOptions { ChunkSize = 2 }));

        Assert.Contains("ChunkSize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ScoreOutsideUnitInterval_ThrowsNamingRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => Fitted.Value.Estimate([0.5, 1.5], [1, 1]));

        Assert.Contains("scores[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_LabelNotBinary_ThrowsNamingRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => Fitted.Value.Estimate([0.5, 0.5], [1, 2]));

        Assert.Contains("predicted[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SeparableScores_SkipsCalibration()
    {
        var scores = Enumerable.Range(0, 40).Select(i => i / 40.0).ToArray();
        var actual = scores.Select(s => s >= 0.5 ? 1 : 0).ToArray();

        var estimator = CbpeEstimator.Fit(scores, actual, actual, new CbpeOptions { ChunkSize = 20 });

        Assert.False(estimator.Calibration.NeedsCalibration);
        Assert.Equal("separable", estimator.Calibration.Reason);
        Assert.Null(estimator.Calibrator);
    }

    private static JsonElement ChunkData(string name) =>
        LabelFreeReference.Get("cbpe").GetProperty("chunks").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
}
