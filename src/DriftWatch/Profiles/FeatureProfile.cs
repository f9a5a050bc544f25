using DriftWatch.Statistics;

namespace DriftWatch.Profiles;

/// <summary>
/// What one feature looked like in the reference data: the native bin edges and the reference CDF at them, the range,
/// the missing rate, category counts, and a bounded sorted sample for exact tests.
/// </summary>
/// <remarks>
/// <para>Numeric features: <see cref="Edges"/> are the statistics engine's native bins
/// (<see cref="Statistics.Binning.QuantileBins"/>: the distinct reference deciles, numpy's default <c>quantile</c>
/// method, followed by +Inf); they are upper bounds, so bin i holds
/// the values v with <c>Edges[i−1] &lt; v ≤ Edges[i]</c>, as a Prometheus <c>le</c> bucket does.
/// <see cref="ReferenceCdf"/>[i] is the share of non-missing reference values ≤ <see cref="Edges"/>[i] (the last is 1).
/// <see cref="Sample"/> holds at most the configured sample size of evenly spaced order statistics of the reference
/// (<c>x[⌊(i + ½)·n / m⌋]</c> for i = 0..m−1): all values when the reference is small, else a sample whose empirical CDF is
/// within 1/m of the reference's everywhere.</para>
/// <para>Categorical features: <see cref="Categories"/> in ordinal order with their reference counts.</para>
/// <para>Missing values (NaN, ±Inf for numbers; <see langword="null"/> or empty for categories) count in
/// <see cref="Missing"/> and nowhere else. A feature whose reference has no value has no edges but +Inf and a CDF of 1.</para>
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed class FeatureProfile
{
    internal FeatureProfile(
        string name,
        ColumnType type,
        long count,
        long missing,
        double min,
        double max,
        double[] edges,
        double[] referenceCdf,
        double[] sample,
        string[] categories,
        long[] categoryCounts)
    {
        Name = name;
        Type = type;
        Count = count;
        Missing = missing;
        Min = min;
        Max = max;
        EdgeArray = edges;
        CdfArray = referenceCdf;
        SampleArray = sample;
        CategoryArray = categories;
        CategoryCountArray = categoryCounts;
        EdgeLabels = [.. edges.Select(PrometheusFloat.Format)];
    }

    /// <summary>Gets the feature name.</summary>
    public string Name { get; }

    /// <summary>Gets how the feature is compared.</summary>
    public ColumnType Type { get; }

    /// <summary>Gets the number of non-missing reference values.</summary>
    public long Count { get; }

    /// <summary>Gets the number of missing reference values.</summary>
    public long Missing { get; }

    /// <summary>Gets the share of missing reference values (0 when the reference is empty).</summary>
    public double MissingRate => Count + Missing == 0 ? 0 : Missing / (double)(Count + Missing);

    /// <summary>Gets the smallest reference value of a numeric feature (NaN when none or categorical).</summary>
    public double Min { get; }

    /// <summary>Gets the largest reference value of a numeric feature (NaN when none or categorical).</summary>
    public double Max { get; }

    /// <summary>Gets the bin upper bounds of a numeric feature, strictly increasing, the last +Inf (empty for categorical).</summary>
    public IReadOnlyList<double> Edges => EdgeArray;

    /// <summary>Gets <see cref="Edges"/> in Prometheus float form (<see cref="PrometheusFloat"/>), the <c>le</c> label values.</summary>
    public IReadOnlyList<string> EdgeLabels { get; }

    /// <summary>Gets the share of non-missing reference values at or below each edge.</summary>
    public IReadOnlyList<double> ReferenceCdf => CdfArray;

    /// <summary>Gets the bounded sorted reference sample of a numeric feature.</summary>
    public IReadOnlyList<double> Sample => SampleArray;

    /// <summary>Gets the reference categories of a categorical feature, in ordinal order.</summary>
    public IReadOnlyList<string> Categories => CategoryArray;

    /// <summary>Gets the reference count of each of <see cref="Categories"/>.</summary>
    public IReadOnlyList<long> CategoryCounts => CategoryCountArray;

    internal double[] EdgeArray { get; }

    internal double[] CdfArray { get; }

    internal double[] SampleArray { get; }

    internal string[] CategoryArray { get; }

    internal long[] CategoryCountArray { get; }

    /// <summary>Gets the bin of a finite value: the index of the first edge at or above it.</summary>
    /// <param name="value">The value (finite).</param>
    /// <returns>The bin index in [0, <see cref="Edges"/>.Count).</returns>
    public int BinOf(double value)
    {
        // Binary search for the first edge >= value; edges are few (at most 10) and end with +Inf.
        var edges = EdgeArray;
        int lo = 0, hi = edges.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] >= value)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Finds a reference category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its index in <see cref="Categories"/>, or -1 when the reference never saw it.</returns>
    public int IndexOfCategory(string? category)
    {
        if (category is null)
        {
            return -1;
        }

        var categories = CategoryArray;
        for (var i = 0; i < categories.Length; i++)
        {
            if (string.Equals(categories[i], category, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets whether a finite numeric value lies outside the reference range.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when below <see cref="Min"/> or above <see cref="Max"/>.</returns>
    public bool IsOutOfRange(double value) => value < Min || value > Max;
}
