namespace DriftWatch.Quality;

/// <summary>Decides whether isotonic calibration improves classifier scores (NannyML's <c>needs_calibration</c>).</summary>
/// <remarks>
/// For each held-out test set, an isotonic regression is fitted on the other rows and applied to the test rows. The test
/// rows of all splits are pooled, and the expected calibration error (10 equal-count bins) of the raw scores is compared
/// with that of the calibrated ones: calibrate only when the error goes down. A single class, or scores that already
/// separate the classes (ROC AUC above 0.999), need no calibration.
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class CalibrationCheck
{
    /// <summary>The number of stratified splits.</summary>
    public const int SplitCount = 10;

    /// <summary>The share of rows held out in each split.</summary>
    public const double TestShare = 0.1;

    /// <summary>The seed of the splits, so a decision can be reproduced.</summary>
    public const int Seed = 42;

    /// <summary>The number of equal-count bins of the calibration error.</summary>
    public const int BinCount = 10;

    /// <summary>Assesses scores against labels with 10 stratified 90/10 splits drawn with the fixed seed.</summary>
    /// <param name="labels">The reference labels, each 0 or 1.</param>
    /// <param name="scores">The raw reference scores.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0/1, or a score is not finite.</exception>
    public static CalibrationAssessment Assess(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var auc = ClassificationMetrics.RocAuc(labels, scores);
        if (double.IsNaN(auc))
        {
            return new CalibrationAssessment(double.NaN, double.NaN, false, "single_class");
        }

        return Assess(labels, scores, StratifiedShuffleSplit.TestSets(labels, SplitCount, TestShare, Seed));
    }

    /// <summary>Assesses scores against labels with the given held-out test sets.</summary>
    /// <param name="labels">The reference labels, each 0 or 1.</param>
    /// <param name="scores">The raw reference scores.</param>
    /// <param name="testSets">The row indices held out in each split (the rest trains the calibrator).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0/1, a score is not finite, or an index is
    /// out of range.</exception>
    public static CalibrationAssessment Assess(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, IReadOnlyList<int[]> testSets)
    {
        ArgumentNullException.ThrowIfNull(testSets);
        var auc = ClassificationMetrics.RocAuc(labels, scores);
        if (double.IsNaN(auc))
        {
            return new CalibrationAssessment(double.NaN, double.NaN, false, "single_class");
        }

        if (auc > 0.999)
        {
            return new CalibrationAssessment(double.NaN, double.NaN, false, "separable");
        }

        var n = labels.Length;
        var pooledLabels = new List<int>();
        var pooledRaw = new List<double>();
        var pooledCalibrated = new List<double>();
        var inTest = new bool[n];
        foreach (var test in testSets)
        {
            Array.Clear(inTest);
            foreach (var i in test)
            {
                if ((uint)i >= (uint)n)
                {
                    throw new ArgumentException($"test index {i} is outside the {n} rows.", nameof(testSets));
                }

                inTest[i] = true;
            }

            var trainX = new List<double>(n);
            var trainY = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                if (!inTest[i])
                {
                    trainX.Add(scores[i]);
                    trainY.Add(labels[i]);
                }
            }

            var calibrator = IsotonicRegression.Fit(trainX.ToArray(), trainY.ToArray());
            foreach (var i in test)
            {
                pooledLabels.Add(labels[i]);
                pooledRaw.Add(scores[i]);
                pooledCalibrated.Add(calibrator.Predict(scores[i]));
            }
        }

        var before = CalibrationError.Compute(pooledLabels.ToArray(), pooledRaw.ToArray(), BinCount);
        var after = CalibrationError.Compute(pooledLabels.ToArray(), pooledCalibrated.ToArray(), BinCount);
        return new CalibrationAssessment(before, after, before > after, "ece");
    }
}
