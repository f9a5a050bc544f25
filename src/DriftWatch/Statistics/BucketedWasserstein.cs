using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics;

/// <summary>The Wasserstein-1 distance ∫|F₁ − F₂| dx of two unsorted samples, sorting only the value ranges where
/// F₁ − F₂ changes sign.</summary>
/// <remarks>
/// <para>The pooled range is cut into equal-width buckets [base_b, base_b + w), about one per 8 pooled values, and each
/// sample is counted per bucket together with Σ(x − base_b). Entering bucket b the difference is d = i/n₁ − j/n₂ (counts
/// of the buckets before); inside it stays within [d − c₂/n₂, d + c₁/n₁]. When that range does not straddle zero,
/// |F₁ − F₂| has one sign over the bucket and its integral is exact from the sums:
/// ∫ (F₁ − F₂) = d·w + (c₁w − Σ(x − base))/n₁ − (c₂w − Σ(y − base))/n₂. The buckets where the sign may change (a few
/// percent for two close distributions) are gathered, sorted and integrated point by point as
/// <see cref="SortedMerge.CdfDistance"/> does. So W₁ costs a min/max pass and one counting pass per sample instead of
/// two full sorts.</para>
/// <para>The result equals <see cref="SortedMerge.CdfDistance"/> up to rounding (relative 1e-12 or better): the sums are
/// taken from each bucket's own base, so the rounding of x − base is relative to the bucket and never to the values'
/// magnitude; samples whose range is tiny against their magnitude (|x| more than 1024 times the range), a degenerate
/// range, or too many sign changes (more than half of the values) are left to the caller (NaN), which sorts.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class BucketedWasserstein
{
    /// <summary>From this pooled size on the bucketed distance is cheaper than sorting both samples.</summary>
    internal const int MinimumPooled = 8192;

    private const int ValuesPerBucket = 8;
    private const int MaxBuckets = 1 << 20;
    private const double MaxMagnitudeOverRange = 1024;

    /// <summary>Computes W₁ = ∫|F₁ − F₂| dx of two samples in any order.</summary>
    /// <param name="sample1">The first sample (finite values, non-empty).</param>
    /// <param name="sample2">The second sample (finite values, non-empty).</param>
    /// <returns>W₁, or NaN when the caller should sort instead (see remarks).</returns>
    public static double Distance(ReadOnlySpan<double> sample1, ReadOnlySpan<double> sample2)
    {
        int n1 = sample1.Length, n2 = sample2.Length;
        var (min, max) = Extremes.Of(sample1, sample2);
        var range = max - min;
        if (!(range > 0) || !double.IsFinite(range) || Math.Max(Math.Abs(min), Math.Abs(max)) > MaxMagnitudeOverRange * range)
        {
            return double.NaN;
        }

        var buckets = (int)Math.Clamp(((long)n1 + n2) / ValuesPerBucket, 1, MaxBuckets);
        var width = range / buckets;
        var grid = new BucketGrid(min, buckets / range, buckets - 1);
        var counts1 = ArrayPool<int>.Shared.Rent(buckets);
        var counts2 = ArrayPool<int>.Shared.Rent(buckets);
        var sums1 = ArrayPool<double>.Shared.Rent(buckets);
        var sums2 = ArrayPool<double>.Shared.Rent(buckets);
        var slotOf = ArrayPool<int>.Shared.Rent(buckets);
        int[]? slots = null;
        double[]? gathered1 = null, gathered2 = null;
        try
        {
            counts1.AsSpan(0, buckets).Clear();
            counts2.AsSpan(0, buckets).Clear();
            sums1.AsSpan(0, buckets).Clear();
            sums2.AsSpan(0, buckets).Clear();
            Count(sample1, grid, width, counts1, sums1);
            Count(sample2, grid, width, counts2, sums2);

            // Sign-constant buckets are integrated from their sums; the others become slots (k + 1 for the k-th).
            slotOf.AsSpan(0, buckets).Clear();
            var crossing = 0;
            int total1 = 0, total2 = 0;
            for (var b = 0; b < buckets; b++)
            {
                if (counts1[b] > 0 && counts2[b] > 0)
                {
                    crossing++;
                }
            }

            slots = ArrayPool<int>.Shared.Rent((3 * crossing) + 3);
            var slotCount = 0;
            double sum = 0, comp = 0;
            int i = 0, j = 0;

            // Signs are decided exactly on integers: n₁n₂·d = i·n₂ − j·n₁ (below 2⁶² for samples under 2³¹).
            var perPair = 1.0 / ((double)n1 * n2);
            double inverse1 = 1.0 / n1, inverse2 = 1.0 / n2;
            for (var b = 0; b < buckets; b++)
            {
                int c1 = counts1[b], c2 = counts2[b];
                var scaled = ((long)i * n2) - ((long)j * n1);
                if (scaled - ((long)c2 * n1) >= 0 || scaled + ((long)c1 * n2) <= 0)
                {
                    var integral = (scaled * perPair * width) + (((c1 * width) - sums1[b]) * inverse1) - (((c2 * width) - sums2[b]) * inverse2);
                    Add(ref sum, ref comp, Math.Abs(integral));
                }
                else
                {
                    BucketGrid.Choose(slots, slotOf, ref slotCount, b, i, j);
                    total1 += c1;
                    total2 += c2;
                }

                i += c1;
                j += c2;
            }

            if ((long)total1 + total2 > ((long)n1 + n2) / 2)
            {
                return double.NaN;
            }

            if (slotCount > 0)
            {
                grid.GatherSorted(sample1, sample2, slotOf, slots, slotCount, counts1, counts2, (total1, total2), out gathered1, out gathered2);

                int offset1 = 0, offset2 = 0;
                for (var k = 0; k < slotCount; k++)
                {
                    var b = slots[3 * k];
                    var part1 = gathered1.AsSpan(offset1, counts1[b]);
                    var part2 = gathered2.AsSpan(offset2, counts2[b]);
                    offset1 += part1.Length;
                    offset2 += part2.Length;
                    var start = min + (b * width);
                    IntegrateBucket(part1, part2, slots[(3 * k) + 1], slots[(3 * k) + 2], n1, n2, start, start + width, ref sum, ref comp);
                }
            }

            return sum + comp;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts1);
            ArrayPool<int>.Shared.Return(counts2);
            ArrayPool<double>.Shared.Return(sums1);
            ArrayPool<double>.Shared.Return(sums2);
            ArrayPool<int>.Shared.Return(slotOf);
            if (slots is not null)
            {
                ArrayPool<int>.Shared.Return(slots);
            }

            if (gathered1 is not null)
            {
                ArrayPool<double>.Shared.Return(gathered1);
            }

            if (gathered2 is not null)
            {
                ArrayPool<double>.Shared.Return(gathered2);
            }
        }
    }

    private static void Count(ReadOnlySpan<double> values, BucketGrid grid, double width, int[] counts, double[] sums)
    {
        ref var c = ref MemoryMarshal.GetArrayDataReference(counts);
        ref var s = ref MemoryMarshal.GetArrayDataReference(sums);
        foreach (var v in values)
        {
            var b = grid.BucketOf(v);
            unchecked
            {
                Unsafe.Add(ref c, b)++;
            }

            Unsafe.Add(ref s, b) += v - (grid.Min + (b * width));
        }
    }

    /// <summary>∫|F₁ − F₂| over [start, end) from the sorted values of one bucket and the counts (i, j) before it.</summary>
    private static void IntegrateBucket(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, int i0, int j0, int n1, int n2, double start, double end, ref double sum, ref double comp)
    {
        int p = 0, q = 0;
        var t = start;
        while (p < a.Length || q < b.Length)
        {
            var v = p < a.Length && (q >= b.Length || a[p] <= b[q]) ? a[p] : b[q];
            var d = ((double)(i0 + p) / n1) - ((double)(j0 + q) / n2);
            Add(ref sum, ref comp, Math.Abs(d) * (v - t));
            while (p < a.Length && a[p] <= v)
            {
                p++;
            }

            while (q < b.Length && b[q] <= v)
            {
                q++;
            }

            t = v;
        }

        var after = ((double)(i0 + p) / n1) - ((double)(j0 + q) / n2);
        Add(ref sum, ref comp, Math.Abs(after) * (end - t));
    }

    /// <summary>Neumaier summation, as <see cref="SortedMerge.CdfDistance"/>.</summary>
    private static void Add(ref double sum, ref double comp, double term)
    {
        var t = sum + term;
        comp += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
}
