namespace DriftWatch.Multivariate;

/// <summary>The multivariate drift of one chunk: its mean reconstruction error against the reference thresholds, and its outliers.</summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="MeanError">The mean reconstruction error of the rows.</param>
/// <param name="SamplingError">The standard error of that mean for a chunk of this size (reference row-error σ / √rows).</param>
/// <param name="LowerThreshold">Alert below this (mean − k·σ of the reference chunk means).</param>
/// <param name="UpperThreshold">Alert above this (mean + k·σ of the reference chunk means).</param>
/// <param name="Alert">Whether <paramref name="MeanError"/> is outside the thresholds.</param>
/// <param name="OutlierThreshold">The reference's row-error quantile that makes a row an outlier.</param>
/// <param name="OutlierCount">Rows above <paramref name="OutlierThreshold"/>.</param>
/// <param name="Outliers">The largest outliers, largest error first (at most <see cref="ReconstructionOptions.MaxOutliersListed"/>).</param>
public sealed record ReconstructionDriftResult(
    int Rows,
    double MeanError,
    double SamplingError,
    double LowerThreshold,
    double UpperThreshold,
    bool Alert,
    double OutlierThreshold,
    int OutlierCount,
    IReadOnlyList<OutlierRow> Outliers);
