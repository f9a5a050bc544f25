namespace DriftWatch.AspNetCore.Configuration;

/// <summary>Default values of <see cref="DriftWatchOptions"/> and the names shared with the outside world.</summary>
public static class DriftWatchConstants
{
    /// <summary>The meter name: <c>DriftWatch</c>.</summary>
    public const string MeterName = "DriftWatch";

    /// <summary>The configuration section bound by <c>AddDriftWatch</c>: <c>DriftWatch</c>.</summary>
    public const string SectionName = "DriftWatch";

    /// <summary>The default request body limit: 1 MiB.</summary>
    public const long DefaultMaxRequestBytes = 1 << 20;

    /// <summary>The default limit of instances per predict request.</summary>
    public const int DefaultMaxInstances = 1000;

    /// <summary>The default limit of items per feedback request.</summary>
    public const int DefaultMaxFeedbackItems = 1000;

    /// <summary>The default queue capacity of the prediction writer, in rows.</summary>
    public const int DefaultWriterCapacity = 10_000;

    /// <summary>The default number of stored predictions kept.</summary>
    public const long DefaultMaxStoredPredictions = 1_000_000;

    /// <summary>The default age after which stored predictions are deleted: 30 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);

    /// <summary>The default number of labelled predictions in the quality window.</summary>
    public const int DefaultQualityWindow = 1000;

    /// <summary>The default cap of category label values per feature (the rest go to <c>__other__</c>).</summary>
    public const int DefaultMaxCategories = 32;

    /// <summary>The category label value for unseen categories and categories beyond the cap.</summary>
    public const string OtherCategory = "__other__";
}
