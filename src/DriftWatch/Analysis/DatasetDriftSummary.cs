namespace DriftWatch.Analysis;

/// <summary>Dataset-level drift: the share of drifted columns compared with a threshold.</summary>
/// <param name="DriftedColumns">How many columns drifted.</param>
/// <param name="Columns">How many columns were analysed.</param>
/// <param name="Share">The drifted share.</param>
/// <param name="Threshold">The share at or above which the dataset has drifted.</param>
/// <param name="Detected">Whether the dataset drifted.</param>
public readonly record struct DatasetDriftSummary(int DriftedColumns, int Columns, double Share, double Threshold, bool Detected);
