namespace DriftWatch.Statistics.Binning;

/// <summary>Selection of order statistics without a full sort.</summary>
/// <remarks>
/// Hand-written because .NET has no <c>nth_element</c>: a quickselect (median-of-three pivot, Hoare partition, which
/// splits runs of equal values evenly) that recurses only into the parts that still contain a target position, so
/// k targets cost O(n log k) on average.
/// </remarks>
internal static class OrderStatistics
{
    private const int SortLimit = 24;

    /// <summary>Rearranges <paramref name="values"/> so that every target position holds the value it would hold if sorted.</summary>
    /// <param name="values">The values (NaN-free); rearranged in place.</param>
    /// <param name="targets">The target positions, ascending, each within the span.</param>
    public static void SelectMany(Span<double> values, ReadOnlySpan<int> targets) => Select(values, 0, targets);

    private static void Select(Span<double> a, int offset, ReadOnlySpan<int> targets)
    {
        while (!targets.IsEmpty)
        {
            if (a.Length <= SortLimit)
            {
                a.Sort();
                return;
            }

            var last = Partition(a);

            // a[..(last + 1)] ≤ pivot ≤ a[(last + 1)..], both parts non-empty.
            var split = 0;
            while (split < targets.Length && targets[split] - offset <= last)
            {
                split++;
            }

            Select(a[..(last + 1)], offset, targets[..split]);
            a = a[(last + 1)..];
            offset += last + 1;
            targets = targets[split..];
        }
    }

    private static int Partition(Span<double> a)
    {
        var x = a[0];
        var y = a[a.Length / 2];
        var z = a[^1];
        var pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = -1, j = a.Length;
        while (true)
        {
            do
            {
                i++;
            }
            while (a[i] < pivot);

            do
            {
                j--;
            }
            while (a[j] > pivot);

            if (i >= j)
            {
                return j;
            }

            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
