namespace DriftWatch.Integrity;

/// <summary>Integrity counters of one feature: cumulative since the monitor started, and in the current window.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Missing">Missing values seen (cumulative).</param>
/// <param name="OutOfRange">Numeric values outside the reference range (cumulative).</param>
/// <param name="UnseenCategory">Categories the reference never had (cumulative).</param>
/// <param name="WrongType">Values of the wrong type reported by the request parser (cumulative).</param>
/// <param name="WindowMissing">Missing values in the current window.</param>
/// <param name="WindowOutOfRange">Out-of-range values in the current window.</param>
/// <param name="WindowUnseenCategory">Unseen categories in the current window.</param>
public readonly record struct FeatureIntegrityCounts(
    string Feature,
    long Missing,
    long OutOfRange,
    long UnseenCategory,
    long WrongType,
    int WindowMissing,
    int WindowOutOfRange,
    int WindowUnseenCategory);
