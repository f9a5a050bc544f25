namespace DriftWatch.Reports;

/// <summary>The JSON shape of the dataset-level verdict.</summary>
/// <param name="DriftedColumns">How many column entries drifted.</param>
/// <param name="Columns">How many column entries were analysed.</param>
/// <param name="Share">The drifted share; <see langword="null"/> when undefined (no columns).</param>
/// <param name="Threshold">The share at or above which the dataset has drifted.</param>
/// <param name="Detected">Whether the dataset drifted.</param>
public sealed record DatasetDriftDocument(int DriftedColumns, int Columns, double? Share, double? Threshold, bool Detected);
