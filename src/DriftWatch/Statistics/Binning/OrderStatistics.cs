using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics.Binning;

/// <summary>Selection of order statistics without a full sort.</summary>
/// <remarks>
/// <para>Hand-written because .NET has no <c>nth_element</c>. Two ways, both exact:</para>
/// <para><b>Bucket selection</b> (large inputs, the usual case): after a min/max pass, one read counts the values in
/// equal-width buckets over their range (about 8 values per bucket), which tells which buckets hold the wanted ranks; a
/// second read copies only the values of those buckets (for a million normal values and the nine deciles, a few hundred),
/// which are then sorted. No copy of the whole input is made. When the wanted buckets hold more than a quarter of the
/// values (heavy ties, or a few extreme outliers that squeeze the rest into one bucket) the quickselect is used
/// instead.</para>
/// <para><b>Quickselect</b> (median-of-three pivot, Hoare partition, which splits runs of equal values evenly) on a copy,
/// recursing only into the parts that still contain a target position, so k targets cost O(n log k) on average.</para>
/// </remarks>
internal static class OrderStatistics
{
    /// <summary>From this many values on, bucket selection is tried first.</summary>
    internal const int BucketMinimum = 1 << 15;

    private const int SortLimit = 24;
    private const int ValuesPerBucket = 8;
    private const int MaxBuckets = 1 << 20;

    /// <summary>Finds the values that would stand at the target positions if <paramref name="values"/> were sorted.</summary>
    /// <param name="values">The values (NaN-free), not modified.</param>
    /// <param name="targets">The target positions, strictly ascending, each within the span.</param>
    /// <param name="results">Receives one value per target.</param>
    public static void SelectInto(ReadOnlySpan<double> values, ReadOnlySpan<int> targets, Span<double> results)
    {
        if (values.Length >= BucketMinimum && TryBucketSelect(values, targets, results))
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var work = buffer.AsSpan(0, values.Length);
            values.CopyTo(work);
            SelectMany(work, targets);
            for (var k = 0; k < targets.Length; k++)
            {
                results[k] = work[targets[k]];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Rearranges <paramref name="values"/> so that every target position holds the value it would hold if sorted.</summary>
    /// <param name="values">The values (NaN-free); rearranged in place.</param>
    /// <param name="targets">The target positions, ascending, each within the span.</param>
    public static void SelectMany(Span<double> values, ReadOnlySpan<int> targets) => Select(values, 0, targets);

    /// <summary>Bucket selection; false (nothing written) when the buckets holding the targets are too full to gather.</summary>
    internal static bool TryBucketSelect(ReadOnlySpan<double> values, ReadOnlySpan<int> targets, Span<double> results)
    {
        var n = values.Length;
        var (min, max) = Extremes.Of(values);
        var range = max - min;
        if (range == 0)
        {
            results[..targets.Length].Fill(min);
            return true;
        }

        var buckets = (int)Math.Clamp(n / ValuesPerBucket, 1, MaxBuckets);
        var scale = buckets / range;
        if (!double.IsFinite(range) || !double.IsFinite(scale))
        {
            return false;
        }

        var last = buckets - 1;
        var table = ArrayPool<int>.Shared.Rent(buckets + 1);
        Span<int> bucketOf = stackalloc int[targets.Length];
        Span<int> slotBuckets = stackalloc int[targets.Length];
        Span<int> slotStarts = stackalloc int[targets.Length];
        Span<int> slotSizes = stackalloc int[targets.Length];
        Span<int> fill = stackalloc int[targets.Length + 1];
        double[]? gathered = null;
        try
        {
            // Counts per bucket, then bucket starts (the rank of each bucket's smallest value).
            var starts = table.AsSpan(0, buckets + 1);
            starts.Clear();
            ref var h = ref MemoryMarshal.GetArrayDataReference(table);
            foreach (var v in values)
            {
                Unsafe.Add(ref h, BucketOf(v, min, scale, last))++;
            }

            var sum = 0;
            for (var b = 0; b < buckets; b++)
            {
                var c = starts[b];
                starts[b] = sum;
                sum += c;
            }

            starts[buckets] = sum;

            // The bucket of each target, and the distinct buckets (slots) in ascending order.
            var slots = 0;
            var total = 0;
            var bucket = 0;
            for (var k = 0; k < targets.Length; k++)
            {
                while (starts[bucket + 1] <= targets[k])
                {
                    bucket++;
                }

                bucketOf[k] = bucket;
                if (slots == 0 || slotBuckets[slots - 1] != bucket)
                {
                    slotBuckets[slots] = bucket;
                    slotStarts[slots] = starts[bucket];
                    slotSizes[slots] = starts[bucket + 1] - starts[bucket];
                    total += slotSizes[slots];
                    slots++;
                }
            }

            if (total > n / 4)
            {
                return false;
            }

            // The table now maps a bucket to its slot + 1 (0: not gathered; its values go to a sink past the end).
            starts.Clear();
            gathered = ArrayPool<double>.Shared.Rent(total + 1);
            fill[0] = total;
            var offset = 0;
            for (var k = 0; k < slots; k++)
            {
                table[slotBuckets[k]] = k + 1;
                fill[k + 1] = offset;
                offset += slotSizes[k];
            }

            ref var g = ref MemoryMarshal.GetArrayDataReference(gathered);
            ref var f = ref MemoryMarshal.GetReference(fill);
            foreach (var v in values)
            {
                // Branch-free: every value is written, only the gathered ones advance their slot's position.
                var q = Unsafe.Add(ref h, BucketOf(v, min, scale, last));
                ref var position = ref Unsafe.Add(ref f, q);
                Unsafe.Add(ref g, position) = v;
                position += q == 0 ? 0 : 1;
            }

            offset = 0;
            for (var k = 0; k < slots; k++)
            {
                RadixSort.Sort(gathered.AsSpan(offset, slotSizes[k]));
                offset += slotSizes[k];
            }

            for (var k = 0; k < targets.Length; k++)
            {
                // Gathered buckets are laid out in ascending order, each after the ones before it.
                var slot = slotBuckets[..slots].IndexOf(bucketOf[k]);
                var before = 0;
                for (var q = 0; q < slot; q++)
                {
                    before += slotSizes[q];
                }

                results[k] = gathered[before + (targets[k] - slotStarts[slot])];
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
            if (gathered is not null)
            {
                ArrayPool<double>.Shared.Return(gathered);
            }
        }
    }

    /// <summary>The equal-width bucket ⌊(x − min)·scale⌋ (at most <paramref name="last"/>): monotone in x, so a bucket's
    /// values are all at or above those of every lower bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BucketOf(double value, double min, double scale, int last) =>
        Math.Clamp(unchecked((int)((value - min) * scale)), 0, last); // clamped: a stray NaN must never index outside

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
