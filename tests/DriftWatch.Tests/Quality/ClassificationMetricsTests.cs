using DriftWatch.Quality;

namespace DriftWatch.Tests.Quality;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Confusion_HandWorked_CountsCells()
    {
        var c = ClassificationMetrics.Confusion([1, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 0]);

        Assert.Equal(new ConfusionMatrix(2, 1, 1, 2), c);
        Assert.Equal(4.0 / 6, c.Accuracy, 1e-15);
        Assert.Equal(2.0 / 3, c.Precision, 1e-15);
        Assert.Equal(2.0 / 3, c.Recall, 1e-15);
        Assert.Equal(2.0 / 3, c.Specificity, 1e-15);
        Assert.Equal(2.0 / 3, c.F1, 1e-15);
    }

    [Fact]
    public void Confusion_NoPositivePredictions_RatiosAreZero()
    {
        var c = ClassificationMetrics.Confusion([1, 0], [0, 0]);

        Assert.Equal(0, c.Precision);
        Assert.Equal(0, c.Recall);
        Assert.Equal(0, c.F1);
        Assert.Equal(1, c.Specificity);
    }

    [Fact]
    public void Confusion_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Confusion([1, 0], [1]));
    }

    [Fact]
    public void RocAuc_TiedScores_CountHalf()
    {
        // sklearn.metrics.roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8]) == 0.875
        Assert.Equal(0.875, ClassificationMetrics.RocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8]), 1e-15);
    }

    [Fact]
    public void RocAuc_SingleClass_IsNaN()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([1, 1], [0.2, 0.3])));
    }

    [Fact]
    public void RocAuc_NaNScore_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([1, 0], [double.NaN, 0.3]));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool RocAuc_ReversedScores_IsComplement(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 50);
        var labels = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var scores = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();

        var auc = ClassificationMetrics.RocAuc(labels, scores);
        var reversed = ClassificationMetrics.RocAuc(labels, [.. scores.Select(s => -s)]);

        return Math.Abs(auc + reversed - 1) < 1e-12;
    }

    [Fact]
    public void RegressionMetrics_HandWorked_MaeAndRmse()
    {
        double[] actual = [1, 2, 3, 4];
        double[] predicted = [1.5, 2, 2, 6];

        Assert.Equal(3.5 / 4, RegressionMetrics.MeanAbsoluteError(actual, predicted), 1e-15);
        Assert.Equal(Math.Sqrt(5.25 / 4), RegressionMetrics.RootMeanSquaredError(actual, predicted), 1e-15);
        Assert.True(double.IsNaN(RegressionMetrics.MeanAbsoluteError([], [])));
    }

    [Fact]
    public void CalibrationError_PerfectlyCalibratedBins_IsZero()
    {
        // Two bins of four rows: mean p 0.25 with one positive, mean p 0.75 with three positives.
        var ece = CalibrationError.Compute([0, 0, 1, 0, 1, 1, 0, 1], [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75], 2);

        Assert.Equal(0, ece, 1e-15);
    }

    [Fact]
    public void CalibrationError_HandWorked_WeightsBins()
    {
        // Bins {0.1, 0.2} with labels {0, 1}: |0.15 − 0.5| = 0.35; {0.8, 0.9} with {1, 1}: |0.85 − 1| = 0.15.
        var ece = CalibrationError.Compute([0, 1, 1, 1], [0.1, 0.2, 0.8, 0.9], 2);

        Assert.Equal(0.25, ece, 1e-15);
    }
}
