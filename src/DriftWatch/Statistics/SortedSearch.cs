namespace DriftWatch.Statistics;

/// <summary>Searches in ascending sorted arrays.</summary>
internal static class SortedSearch
{
    /// <summary>The number of values at or below <paramref name="x"/> (the index of the first value above it).</summary>
    /// <param name="sorted">The values, ascending, NaN-free.</param>
    /// <param name="x">The value to search for.</param>
    /// <returns>A count in [0, <c>sorted.Length</c>].</returns>
    public static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The number of values strictly below <paramref name="x"/> (the index of the first value at or above it).</summary>
    /// <param name="sorted">The values, ascending, NaN-free.</param>
    /// <param name="x">The value to search for.</param>
    /// <returns>A count in [0, <c>sorted.Length</c>].</returns>
    public static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
