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
}
