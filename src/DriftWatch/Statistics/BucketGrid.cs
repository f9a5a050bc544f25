using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics;

/// <summary>Equal-width buckets over a pooled range, shared by <see cref="BucketedKolmogorovSmirnov"/> and
/// <see cref="BucketedWasserstein"/>: bucket = ⌊(x − <see cref="Min"/>)·<see cref="Scale"/>⌋, at most <see cref="Last"/>.</summary>
/// <param name="Min">The pooled minimum.</param>
/// <param name="Scale">Buckets per unit of value.</param>
/// <param name="Last">The index of the last bucket.</param>
/// <remarks>The bucket index is monotone in x (each step rounds monotonically), so equal values share a bucket and the
/// buckets in ascending order hold ascending value ranges.
/// <threadsafety>Immutable.</threadsafety></remarks>
internal readonly record struct BucketGrid(double Min, double Scale, int Last)
{
    /// <summary>Gets the bucket of a value, clamped so that a stray NaN never indexes outside.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The bucket index in [0, <see cref="Last"/>].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BucketOf(double value) => Math.Clamp(unchecked((int)((value - Min) * Scale)), 0, Last);

    /// <summary>Copies the values of the chosen buckets into <paramref name="gathered"/>, bucket after bucket in
    /// ascending order.</summary>
    /// <param name="values">The sample.</param>
    /// <param name="slotOf">Per bucket: 0 when not chosen, otherwise k + 1 for the k-th chosen bucket.</param>
    /// <param name="slots">The chosen buckets: entry 3k is the k-th bucket's index.</param>
    /// <param name="slotCount">How many buckets were chosen.</param>
    /// <param name="counts">The sample's count per bucket.</param>
    /// <param name="gathered">Receives the chosen values; at least <paramref name="total"/> + 1 long.</param>
    /// <param name="total">The number of chosen values.</param>
    /// <param name="fill">Scratch, at least <paramref name="slotCount"/> + 1 long.</param>
    /// <remarks>Slot 0 is a sink for the values of other buckets (every value is written at index
    /// <paramref name="total"/>, only chosen ones advance), so the pass has no data-dependent branch.</remarks>
    public void Gather(ReadOnlySpan<double> values, int[] slotOf, int[] slots, int slotCount, int[] counts, double[] gathered, int total, int[] fill)
    {
        fill[0] = total;
        var offset = 0;
        for (var k = 0; k < slotCount; k++)
        {
            fill[k + 1] = offset;
            offset += counts[slots[3 * k]];
        }

        ref var s = ref MemoryMarshal.GetArrayDataReference(slotOf);
        ref var g = ref MemoryMarshal.GetArrayDataReference(gathered);
        ref var f = ref MemoryMarshal.GetArrayDataReference(fill);
        foreach (var v in values)
        {
            var q = Unsafe.Add(ref s, BucketOf(v));
            ref var position = ref Unsafe.Add(ref f, q);
            Unsafe.Add(ref g, position) = v;
            position += q == 0 ? 0 : 1;
        }
    }

    /// <summary>Chooses bucket <paramref name="bucket"/> as the next slot, remembering how many values of each sample lie
    /// below it.</summary>
    /// <param name="slots">The chosen buckets, three entries each: bucket index, values of sample 1 below, of sample 2 below.</param>
    /// <param name="slotOf">Per bucket: receives k + 1 for the k-th chosen bucket.</param>
    /// <param name="slotCount">The number of buckets chosen so far; incremented.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="below1">Values of sample 1 in the buckets before it.</param>
    /// <param name="below2">Values of sample 2 in the buckets before it.</param>
    public static void Choose(int[] slots, int[] slotOf, ref int slotCount, int bucket, int below1, int below2)
    {
        slots[3 * slotCount] = bucket;
        slots[(3 * slotCount) + 1] = below1;
        slots[(3 * slotCount) + 2] = below2;
        slotOf[bucket] = ++slotCount;
    }

    /// <summary>
    /// Gathers the chosen buckets' values of both samples (rented from the shared pool into
    /// <paramref name="gathered1"/> and <paramref name="gathered2"/>, which the caller returns) and sorts each bucket's
    /// part in place: afterwards the k-th chosen bucket's values are the next <c>counts[bucket]</c> entries of each array.
    /// </summary>
    /// <param name="sample1">The first sample.</param>
    /// <param name="sample2">The second sample.</param>
    /// <param name="slotOf">Per bucket: 0 when not chosen, otherwise k + 1.</param>
    /// <param name="slots">The chosen buckets (see <see cref="Choose"/>).</param>
    /// <param name="slotCount">How many buckets were chosen.</param>
    /// <param name="counts1">Sample 1's count per bucket.</param>
    /// <param name="counts2">Sample 2's count per bucket.</param>
    /// <param name="total1">Sample 1's values in chosen buckets.</param>
    /// <param name="total2">Sample 2's values in chosen buckets.</param>
    /// <param name="gathered1">Receives sample 1's chosen values, sorted per bucket.</param>
    /// <param name="gathered2">Receives sample 2's chosen values, sorted per bucket.</param>
    public void GatherSorted(
        ReadOnlySpan<double> sample1,
        ReadOnlySpan<double> sample2,
        int[] slotOf,
        int[] slots,
        int slotCount,
        int[] counts1,
        int[] counts2,
        (int Sample1, int Sample2) total,
        out double[] gathered1,
        out double[] gathered2)
    {
        gathered1 = ArrayPool<double>.Shared.Rent(total.Sample1 + 1);
        gathered2 = ArrayPool<double>.Shared.Rent(total.Sample2 + 1);
        var fill = ArrayPool<int>.Shared.Rent(slotCount + 1);
        try
        {
            Gather(sample1, slotOf, slots, slotCount, counts1, gathered1, total.Sample1, fill);
            Gather(sample2, slotOf, slots, slotCount, counts2, gathered2, total.Sample2, fill);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(fill);
        }

        int offset1 = 0, offset2 = 0;
        for (var k = 0; k < slotCount; k++)
        {
            var b = slots[3 * k];
            RadixSort.Sort(gathered1.AsSpan(offset1, counts1[b]));
            RadixSort.Sort(gathered2.AsSpan(offset2, counts2[b]));
            offset1 += counts1[b];
            offset2 += counts2[b];
        }
    }
}
