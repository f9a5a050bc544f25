namespace DriftWatch.Quality;

/// <summary>One metric's label-free estimate for one chunk, with its uncertainty and alert thresholds.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Value">The estimate; NaN when undefined (ROC AUC when the expected matrix has no positives or no negatives).</param>
/// <param name="SamplingError">The standard error expected from a chunk of this size (from the reference labels).</param>
/// <param name="LowerBound">max(0, value − 3·sampling error).</param>
/// <param name="UpperBound">min(1, value + 3·sampling error).</param>
/// <param name="LowerThreshold">Alert below this: max(0, mean − 3σ) of the realized metric over reference chunks.</param>
/// <param name="UpperThreshold">Alert above this: min(1, mean + 3σ) of the realized metric over reference chunks.</param>
/// <param name="Alert">Whether the estimate is outside the thresholds.</param>
/// <param name="Realized">The metric computed from labels, when labels were given; otherwise <see langword="null"/>.</param>
public readonly record struct CbpeMetricEstimate(
    CbpeMetric Metric,
    double Value,
    double SamplingError,
    double LowerBound,
    double UpperBound,
    double LowerThreshold,
    double UpperThreshold,
    bool Alert,
    double? Realized);
