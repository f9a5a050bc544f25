using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics.Binning;

/// <summary>Selection of order statistics without a full sort.</summary>
/// <remarks>
/// <para>Hand-written because .NET has no <c>nth_element</c>. Two ways, both exact:</para>
/// <para><b>Radix selection</b> (large inputs, the usual case): one read counts the values by the top 16 bits of their
/// order-preserving key (<see cref="RadixSort"/>), which tells which of those buckets hold the wanted ranks; a second read
/// copies only the values of those buckets (for a million normal values and the nine deciles, about 10% of them), which
/// are then sorted. No copy of the whole input is made. When the wanted buckets hold more than a quarter of the values
/// (a very narrow range or heavy ties) the quickselect is used instead.</para>
/// <para><b>Quickselect</b> (median-of-three pivot, Hoare partition, which splits runs of equal values evenly) on a copy,
/// recursing only into the parts that still contain a target position, so k targets cost O(n log k) on average.</para>
/// </remarks>
internal static class OrderStatistics
{
    /// <summary>From this many values on, radix selection is tried first.</summary>
    internal const int RadixMinimum = 1 << 15;

    private const int SortLimit = 24;
    private const int TopBits = 16;
    private const int Buckets = 1 << TopBits;

    /// <summary>Finds the values that would stand at the target positions if <paramref name="values"/> were sorted.</summary>
    /// <param name="values">The values (NaN-free), not modified.</param>
    /// <param name="targets">The target positions, strictly ascending, each within the span.</param>
    /// <param name="results">Receives one value per target.</param>
    public static void SelectInto(ReadOnlySpan<double> values, ReadOnlySpan<int> targets, Span<double> results)
    {
        if (values.Length >= RadixMinimum && TryRadixSelect(values, targets, results))
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

    /// <summary>Radix selection; false (nothing written) when the buckets holding the targets are too full to gather.</summary>
    internal static bool TryRadixSelect(ReadOnlySpan<double> values, ReadOnlySpan<int> targets, Span<double> results)
    {
        var n = values.Length;
        var starts = ArrayPool<int>.Shared.Rent(Buckets + 1);
        var slotOf = ArrayPool<byte>.Shared.Rent(Buckets);
        Span<int> bucketOf = stackalloc int[targets.Length];
        Span<int> slotBuckets = stackalloc int[targets.Length];
        Span<int> fill = stackalloc int[targets.Length + 1];
        double[]? gathered = null;
        try
        {
            unchecked
            {
                var s = starts.AsSpan(0, Buckets + 1);
                s.Clear();
                ref var h = ref MemoryMarshal.GetArrayDataReference(starts);
                foreach (var v in values)
                {
                    Unsafe.Add(ref h, (int)(RadixSort.Key(v) >> (64 - TopBits)))++;
                }

                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var c = s[b];
                    s[b] = sum;
                    sum += c;
                }

                s[Buckets] = sum;

                // The bucket of each target, and the distinct buckets (slots) in ascending order.
                var slots = 0;
                var total = 0;
                var bucket = 0;
                for (var k = 0; k < targets.Length; k++)
                {
                    while (s[bucket + 1] <= targets[k])
                    {
                        bucket++;
                    }

                    bucketOf[k] = bucket;
                    if (slots == 0 || slotBuckets[slots - 1] != bucket)
                    {
                        slotBuckets[slots++] = bucket;
                        total += s[bucket + 1] - s[bucket];
                    }
                }

                if (total > n / 4 || slots > byte.MaxValue - 1)
                {
                    return false;
                }

                // Slot 0 is a sink for the values of other buckets: one position past the gathered ones, rewritten.
                slotOf.AsSpan(0, Buckets).Clear();
                gathered = ArrayPool<double>.Shared.Rent(total + 1);
                fill[0] = total;
                var offset = 0;
                for (var k = 0; k < slots; k++)
                {
                    slotOf[slotBuckets[k]] = (byte)(k + 1);
                    fill[k + 1] = offset;
                    offset += s[slotBuckets[k] + 1] - s[slotBuckets[k]];
                }

                ref var slot = ref MemoryMarshal.GetArrayDataReference(slotOf);
                ref var g = ref MemoryMarshal.GetArrayDataReference(gathered);
                ref var f = ref MemoryMarshal.GetReference(fill);
                foreach (var v in values)
                {
                    // Branch-free: every value is written, only the gathered ones advance their slot's position.
                    int q = Unsafe.Add(ref slot, (int)(RadixSort.Key(v) >> (64 - TopBits)));
                    ref var position = ref Unsafe.Add(ref f, q);
                    Unsafe.Add(ref g, position) = v;
                    position += q == 0 ? 0 : 1;
                }

                offset = 0;
                for (var k = 0; k < slots; k++)
                {
                    var count = s[slotBuckets[k] + 1] - s[slotBuckets[k]];
                    RadixSort.Sort(gathered.AsSpan(offset, count));
                    offset += count;
                }

                for (var k = 0; k < targets.Length; k++)
                {
                    // Gathered buckets are laid out in ascending order, so a bucket's first gathered position is the
                    // count of gathered values in the slots before it.
                    var before = 0;
                    for (var q = 0; slotBuckets[q] != bucketOf[k]; q++)
                    {
                        before += s[slotBuckets[q] + 1] - s[slotBuckets[q]];
                    }

                    results[k] = gathered[before + (targets[k] - s[bucketOf[k]])];
                }

                return true;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<byte>.Shared.Return(slotOf);
            if (gathered is not null)
            {
                ArrayPool<double>.Shared.Return(gathered);
            }
        }
    }

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
