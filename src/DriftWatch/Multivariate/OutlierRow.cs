namespace DriftWatch.Multivariate;

/// <summary>A row whose reconstruction error exceeds the reference's outlier threshold.</summary>
/// <param name="RowIndex">The 0-based row index in the evaluated data.</param>
/// <param name="Error">The row's reconstruction error.</param>
/// <param name="UnusualFeatures">The features with the largest share of the error, largest first.</param>
public sealed record OutlierRow(int RowIndex, double Error, IReadOnlyList<FeatureContribution> UnusualFeatures);
