namespace DriftWatch.Slo;

/// <summary>An SLI as written: a built-in <see cref="Kind"/> or custom <see cref="Events"/>, never both.</summary>
internal sealed class SliDocument
{
    /// <summary>Gets or sets the built-in kind: <c>availability</c>, <c>latency</c>, <c>model_quality</c>,
    /// <c>data_quality</c> or <c>freshness</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the latency threshold in seconds (an <c>le</c> bucket bound of the histogram).</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets or sets the freshness delay in whole seconds: how long after a prediction its label is due.</summary>
    public double? Delay { get; set; }

    /// <summary>Gets or sets the custom error and total queries.</summary>
    public SliEventsDocument? Events { get; set; }
}
