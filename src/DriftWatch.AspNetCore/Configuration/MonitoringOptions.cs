using System.ComponentModel.DataAnnotations;

namespace DriftWatch.AspNetCore.Configuration;

/// <summary>What the service watches.</summary>
public sealed class MonitoringOptions
{
    /// <summary>Gets or sets a value indicating whether predictions are observed (input SLIs, quality, observers).</summary>
    /// <value>The default value is <see langword="true"/>. Off, the service still counts requests and stores predictions.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the number of most recent labelled predictions the quality gauges cover.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 1_000_000)]
    public int QualityWindow { get; set; } = DriftWatchConstants.DefaultQualityWindow;

    /// <summary>Gets or sets the most category label values exported per feature.</summary>
    /// <value>The default value is 32.</value>
    [Range(1, 1000)]
    public int MaxCategories { get; set; } = DriftWatchConstants.DefaultMaxCategories;
}
