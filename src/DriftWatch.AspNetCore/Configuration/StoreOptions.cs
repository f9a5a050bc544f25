using System.ComponentModel.DataAnnotations;

namespace DriftWatch.AspNetCore.Configuration;

/// <summary>Where predictions and labels are kept.</summary>
public sealed class StoreOptions
{
    /// <summary>Gets or sets the provider: <c>sqlite</c> or <c>postgres</c>.</summary>
    /// <value>The default value is <c>sqlite</c>.</value>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Gets or sets the SQLite database file.</summary>
    /// <value>The default value is <c>driftwatch.db</c> in the working directory.</value>
    public string Path { get; set; } = "driftwatch.db";

    /// <summary>Gets or sets the PostgreSQL connection string (Npgsql syntax).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the prediction writer's queue capacity in rows; beyond it predictions are shed and counted.</summary>
    /// <value>The default value is 10 000.</value>
    [Range(1, 10_000_000)]
    public int WriterCapacity { get; set; } = DriftWatchConstants.DefaultWriterCapacity;

    /// <summary>Gets or sets the number of predictions kept (oldest deleted first, labels with them).</summary>
    /// <value>The default value is 1 000 000.</value>
    [Range(1, long.MaxValue)]
    public long MaxRows { get; set; } = DriftWatchConstants.DefaultMaxStoredPredictions;

    /// <summary>Gets or sets the age after which predictions and their labels are deleted.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan Retention { get; set; } = DriftWatchConstants.DefaultRetention;

    /// <summary>Gets or sets how often retention runs.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);
}
