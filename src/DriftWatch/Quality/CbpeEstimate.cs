namespace DriftWatch.Quality;

/// <summary>CBPE's estimates for one chunk of rows.</summary>
/// <param name="Rows">The number of rows in the chunk.</param>
/// <param name="ExpectedConfusion">The expected confusion matrix (sums of calibrated probabilities).</param>
/// <param name="Metrics">One estimate per metric, in <see cref="CbpeMetric"/> order.</param>
public sealed record CbpeEstimate(int Rows, ConfusionMatrix ExpectedConfusion, IReadOnlyList<CbpeMetricEstimate> Metrics)
{
    /// <summary>Gets the estimate of one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Its estimate.</returns>
    public CbpeMetricEstimate this[CbpeMetric metric] => Metrics[(int)metric];

    /// <summary>Gets a value indicating whether any metric alerts.</summary>
    public bool AnyAlert => Metrics.Any(m => m.Alert);
}
