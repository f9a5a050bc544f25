namespace DriftWatch.Quality;

/// <summary>
/// A binary confusion matrix with real-valued cells, so it holds both counted (realized) and expected (CBPE) matrices.
/// </summary>
/// <param name="TruePositives">Predicted 1, actually 1.</param>
/// <param name="FalsePositives">Predicted 1, actually 0.</param>
/// <param name="FalseNegatives">Predicted 0, actually 1.</param>
/// <param name="TrueNegatives">Predicted 0, actually 0.</param>
/// <remarks>
/// Every ratio is 0 when its denominator is 0 (scikit-learn's <c>zero_division=0</c>), so an empty matrix reports 0s,
/// never NaN.
/// </remarks>
public readonly record struct ConfusionMatrix(double TruePositives, double FalsePositives, double FalseNegatives, double TrueNegatives)
{
    /// <summary>Gets the total weight of the matrix (the row count for a counted matrix).</summary>
    public double Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Gets the accuracy (TP + TN) / total.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>Gets the precision TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Gets the recall (sensitivity) TP / (TP + FN).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>Gets the specificity TN / (TN + FP).</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>Gets F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.</summary>
    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0.0;
}
