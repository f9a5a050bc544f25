using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics;

/// <summary>The two-sample Kolmogorov-Smirnov statistic D of two unsorted samples, sorting only the few value ranges
/// where the maximum can be.</summary>
/// <remarks>
/// <para>Both samples are counted in the same equal-width buckets over the pooled range, about one per 8 pooled values;
/// a value's bucket ⌊(x − min)·scale⌋ is monotone in x, so every bucket holds whole tie groups and, after each non-empty
/// bucket, the difference F₁ − F₂ = i/n₁ − j/n₂ is one of the points where scipy evaluates it. The largest |F₁ − F₂| over
/// those points is a lower bound L of D. Inside a bucket that holds c₁ and c₂ values of the two samples and starts at
/// counts (i, j), the difference stays within [i/n₁ − (j + c₂)/n₂, (i + c₁)/n₁ − j/n₂], and a bucket with values of one
/// sample only moves it monotonically between its end points. Only buckets with values of both samples whose bound
/// reaches L are gathered, sorted and merged; no other bucket can hold a larger difference. For two normal samples of
/// 100 000 that is a few percent of the values, so D costs a min/max pass, two counting passes and small sorts instead
/// of two full sorts. When more than half of the values would have to be gathered (heavy ties, a few extreme outliers
/// that squeeze everything else into one bucket) the method gives up and the caller sorts.</para>
/// <para>The differences are formed as <see cref="KolmogorovSmirnov.StatisticSorted"/> forms them (i/n₁ − j/n₂ in
/// double), so D is bit for bit the same.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class BucketedKolmogorovSmirnov
{
    /// <summary>From this pooled size on the bucketed statistic is cheaper than sorting both samples.</summary>
    internal const int MinimumPooled = 8192;

    // About this many pooled values per bucket on average: the in-bucket bound then stays far below D.
    private const int ValuesPerBucket = 8;
    private const int MaxBuckets = 1 << 20;

    // Rounding of the bucket bounds: a bucket within this of the lower bound is gathered too (harmless).
    private const double Margin = 1e-12;

    /// <summary>Computes D for two samples in any order.</summary>
    /// <param name="sample1">The first sample (finite values, non-empty).</param>
    /// <param name="sample2">The second sample (finite values, non-empty).</param>
    /// <returns>D, equal to <see cref="KolmogorovSmirnov.StatisticSorted"/> of the sorted samples, or NaN when the
    /// values crowd into so few buckets that sorting both samples is cheaper (a caller then sorts).</returns>
    public static double Statistic(ReadOnlySpan<double> sample1, ReadOnlySpan<double> sample2)
    {
        int n1 = sample1.Length, n2 = sample2.Length;
        var (min, max) = Extremes.Of(sample1, sample2);
        var buckets = (int)Math.Clamp(((long)n1 + n2) / ValuesPerBucket, 1, MaxBuckets);

        // bucket = ⌊(x − min)·scale⌋, monotone in x (each step rounds monotonically), so equal values share a bucket.
        // A range that overflows (values near ±1.8e308) or collapses gives no useful buckets: sort instead.
        var range = max - min;
        var scale = buckets / range;
        if (!(range > 0) || !double.IsFinite(range) || !double.IsFinite(scale))
        {
            return double.NaN;
        }

        var grid = new BucketGrid(min, scale, buckets - 1);
        var counts1 = ArrayPool<int>.Shared.Rent(buckets);
        var counts2 = ArrayPool<int>.Shared.Rent(buckets);
        var slotOf = ArrayPool<int>.Shared.Rent(buckets);
        int[]? slots = null;
        double[]? gathered1 = null, gathered2 = null;
        try
        {
            counts1.AsSpan(0, buckets).Clear();
            counts2.AsSpan(0, buckets).Clear();
            Count(sample1, counts1, grid);
            Count(sample2, counts2, grid);

            // The differences after each bucket: a lower bound of D.
            double maxS = double.NegativeInfinity, minS = double.PositiveInfinity;
            int first = buckets, last = -1;
            int i = 0, j = 0, candidates = 0;
            for (var b = 0; b < buckets; b++)
            {
                int c1 = counts1[b], c2 = counts2[b];
                if ((c1 | c2) == 0)
                {
                    continue;
                }

                first = Math.Min(first, b);
                last = b;
                candidates += c1 > 0 && c2 > 0 ? 1 : 0;
                i += c1;
                j += c2;
                var diff = ((double)i / n1) - ((double)j / n2);
                maxS = Math.Max(maxS, diff);
                minS = Math.Min(minS, diff);
            }

            var lower = Math.Max(maxS, -minS);

            // Buckets whose inside could exceed the lower bound: slot k + 1 for the k-th, in ascending order.
            slotOf.AsSpan(first, last - first + 1).Clear();
            slots = ArrayPool<int>.Shared.Rent((3 * candidates) + 3);
            var slotCount = 0;
            int total1 = 0, total2 = 0;
            i = 0;
            j = 0;
            for (var b = first; b <= last; b++)
            {
                int c1 = counts1[b], c2 = counts2[b];
                if (c1 > 0 && c2 > 0)
                {
                    var up = ((double)(i + c1) / n1) - ((double)j / n2);
                    var down = ((double)(j + c2) / n2) - ((double)i / n1);
                    if (Math.Max(up, down) >= lower - Margin)
                    {
                        BucketGrid.Choose(slots, slotOf, ref slotCount, b, i, j);
                        total1 += c1;
                        total2 += c2;
                    }
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
                    MergeBucket(part1, part2, slots[(3 * k) + 1], slots[(3 * k) + 2], n1, n2, ref maxS, ref minS);
                }
            }

            var d = Math.Clamp(-minS, 0.0, 1.0);
            return d > maxS ? d : maxS;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts1);
            ArrayPool<int>.Shared.Return(counts2);
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

    private static void Count(ReadOnlySpan<double> values, int[] counts, BucketGrid grid)
    {
        ref var c = ref MemoryMarshal.GetArrayDataReference(counts);
        foreach (var v in values)
        {
            unchecked
            {
                Unsafe.Add(ref c, grid.BucketOf(v))++;
            }
        }
    }

    /// <summary>The merge of <see cref="KolmogorovSmirnov.StatisticSorted"/> over one bucket, from global counts (i, j).</summary>
    private static void MergeBucket(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int i0, int j0, int n1, int n2, ref double maxS, ref double minS)
    {
        int p = 0, q = 0;
        while (p < a.Length || q < b.Length)
        {
            var v = p < a.Length && (q >= b.Length || a[p] <= b[q]) ? a[p] : b[q];
            while (p < a.Length && a[p] <= v)
            {
                p++;
            }

            while (q < b.Length && b[q] <= v)
            {
                q++;
            }

            var diff = ((double)(i0 + p) / n1) - ((double)(j0 + q) / n2);
            maxS = Math.Max(maxS, diff);
            minS = Math.Min(minS, diff);
        }
    }
}
