namespace DriftWatch.Statistics.Binning;

/// <summary>Selection of order statistics without a full sort.</summary>
/// <remarks>
/// Hand-written because .NET has no <c>nth_element</c>: a quickselect (median-of-three pivot, Hoare partition) that
/// recurses only into the parts that still contain a target position, so k targets cost O(n log k) on average.
/// </remarks>
internal static class OrderStatistics
{
    private const int InsertionSortLimit = 16;

    /// <summary>Rearranges <paramref name="values"/> so that every target position holds the value it would hold if sorted.</summary>
    /// <param name="values">The values (NaN-free); rearranged in place.</param>
    /// <param name="targets">The target positions, ascending, each within the span.</param>
    public static void SelectMany(Span<double> values, ReadOnlySpan<int> targets)
    {
        Select(values, 0, targets);
    }

    private static void Select(Span<double> values, int offset, ReadOnlySpan<int> targets)
    {
        while (true)
        {
            if (targets.IsEmpty)
            {
                return;
            }

            if (values.Length <= InsertionSortLimit)
            {
                values.Sort();
                return;
            }

            var (lessEnd, greaterStart) = Partition(values);

            // Positions [0, lessEnd) hold values ≤ pivot, [lessEnd, greaterStart) the pivot itself, the rest ≥ pivot.
            var split = 0;
            while (split < targets.Length && targets[split] - offset < lessEnd)
            {
                split++;
            }

            var right = split;
            while (right < targets.Length && targets[right] - offset < greaterStart)
            {
                right++;
            }

            Select(values[..lessEnd], offset, targets[..split]);
            values = values[greaterStart..];
            offset += greaterStart;
            targets = targets[right..];
        }
    }

    // Three-way partition around a median-of-three pivot: returns [lessEnd, greaterStart) holding values equal to it.
    private static (int LessEnd, int GreaterStart) Partition(Span<double> a)
    {
        var mid = a.Length / 2;
        var x = a[0];
        var y = a[mid];
        var z = a[^1];
        var pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));

        // Dijkstra's Dutch national flag: lt..i-1 equal, < lt less, > gt greater.
        int lt = 0, i = 0, gt = a.Length - 1;
        while (i <= gt)
        {
            var v = a[i];
            if (v < pivot)
            {
                (a[lt], a[i]) = (a[i], a[lt]);
                lt++;
                i++;
            }
            else if (v > pivot)
            {
                (a[gt], a[i]) = (a[i], a[gt]);
                gt--;
            }
            else
            {
                i++;
            }
        }

        return (lt, gt + 1);
    }
}
