using System.ComponentModel.DataAnnotations;

namespace DriftWatch.AspNetCore.Configuration;

/// <summary>Request limits; on by default.</summary>
public sealed class LimitOptions
{
    /// <summary>Gets or sets the largest request body in bytes (413 beyond).</summary>
    /// <value>The default value is 1 MiB.</value>
    [Range(64, 1L << 30)]
    public long MaxRequestBytes { get; set; } = DriftWatchConstants.DefaultMaxRequestBytes;

    /// <summary>Gets or sets the most instances per predict request (400 beyond).</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 1_000_000)]
    public int MaxInstances { get; set; } = DriftWatchConstants.DefaultMaxInstances;

    /// <summary>Gets or sets the most items per feedback request (400 beyond).</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 1_000_000)]
    public int MaxFeedbackItems { get; set; } = DriftWatchConstants.DefaultMaxFeedbackItems;
}
