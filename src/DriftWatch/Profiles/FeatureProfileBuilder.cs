using DriftWatch.Statistics;
using DriftWatch.Statistics.Binning;

namespace DriftWatch.Profiles;

/// <summary>Builds <see cref="FeatureProfile"/>s from reference values (see its remarks for the definitions).</summary>
internal static class FeatureProfileBuilder
{
    public static FeatureProfile Numeric(string name, ReadOnlySpan<double> values, int binCount, int sampleSize)
    {
        var finite = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite.Add(v);
            }
        }

        var sorted = finite.ToArray();
        Array.Sort(sorted);
        var missing = values.Length - sorted.Length;
        if (sorted.Length == 0)
        {
            return new FeatureProfile(name, ColumnType.Numerical, 0, missing, double.NaN, double.NaN, [double.PositiveInfinity], [1.0], [], [], []);
        }

        var edges = QuantileBins.FromSorted(sorted, binCount).UpperEdges.ToArray();
        var cdf = new double[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            cdf[i] = SortedSearch.UpperBound(sorted, edges[i]) / (double)sorted.Length;
        }

        return new FeatureProfile(
            name, ColumnType.Numerical, sorted.Length, missing, sorted[0], sorted[^1], edges, cdf, OrderStatisticSample(sorted, sampleSize), [], []);
    }

    public static FeatureProfile Categorical(string name, IReadOnlyList<string?> values)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long missing = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrEmpty(v))
            {
                missing++;
                continue;
            }

            counts[v] = counts.GetValueOrDefault(v) + 1;
        }

        var categories = counts.Keys.ToArray();
        Array.Sort(categories, StringComparer.Ordinal);
        var categoryCounts = categories.Select(c => counts[c]).ToArray();
        return new FeatureProfile(
            name, ColumnType.Categorical, values.Count - missing, missing, double.NaN, double.NaN, [], [], [], categories, categoryCounts);
    }

    private static double[] OrderStatisticSample(double[] sorted, int size)
    {
        if (sorted.Length <= size)
        {
            return sorted;
        }

        var sample = new double[size];
        for (var i = 0; i < size; i++)
        {
            var index = (int)Math.Floor((i + 0.5) * sorted.Length / size);
            sample[i] = sorted[Math.Min(index, sorted.Length - 1)];
        }

        return sample;
    }
}
