using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics;

/// <summary>
/// Single merge passes over two ascending samples: distances between empirical CDFs and rank sums with ties.
/// </summary>
/// <remarks>
/// Each pass walks the distinct values of the pooled sample once, in O(n₁ + n₂), with no allocation. Values equal
/// on both sides are handled as scipy's <c>searchsorted(side="right")</c> and <c>rankdata(method="average")</c>
/// do.
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class SortedMerge
{
    /// <summary>∫|F₁ − F₂|^p dx for p = 1 or 2 (scipy's <c>_cdf_distance</c> before the root).</summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <param name="squared">Use (F₁ − F₂)² (energy distance) instead of |F₁ − F₂| (Wasserstein-1).</param>
    /// <returns>Σ over gaps of the pooled sample of |F₁ − F₂|^p · gap.</returns>
    public static double CdfDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, bool squared)
    {
        var distance = new CdfGapSum(a.Length, b.Length, squared);
        TieGroupWalk.Run(a, b, ref distance);
        return distance.Total;
    }

    /// <summary>
    /// Twice the rank sum of the first sample in the pooled sample (average ranks for ties, so the doubled sum is an
    /// integer) and the tie term Σ (t³ − t) over groups of equal values.
    /// </summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <returns>2·R₁ and the tie term, exact.</returns>
    public static (long TwiceRankSum1, Int128 TieTerm) RankSum(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sums = default(RankSums);
        TieGroupWalk.Run(a, b, ref sums);
        return (sums.TwiceR1, sums.Tie);
    }

    /// <summary>The number of distinct values in the union of two sorted samples (−0.0 and +0.0 count as one).</summary>
    /// <param name="a">The first sample, sorted, NaN-free.</param>
    /// <param name="b">The second sample, sorted, NaN-free.</param>
    /// <returns>The distinct count.</returns>
    /// <remarks>The merge picks the smaller head arithmetically (no branch on the data) and counts changes of value; four
    /// such merges over consecutive quarters of the pooled order (found by a merge-path binary search) run interleaved,
    /// so their dependency chains overlap: about 3× faster than a branching merge on a million values each.</remarks>
    public static int CountDistinct(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        const int Chains = 4;
        int na = a.Length, nb = b.Length;
        var n = (long)na + nb;
        Span<int> ci = stackalloc int[Chains + 1];
        Span<int> cj = stackalloc int[Chains + 1];
        Span<double> prev = stackalloc double[Chains];
        for (var c = 0; c <= Chains; c++)
        {
            // The first k merged values (a before b on ties) are a[..i] and b[..(k − i)].
            var k = (int)(n * c / Chains);
            int lo = Math.Max(0, k - nb), hi = Math.Min(k, na);
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (a[mid] <= b[k - mid - 1])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            ci[c] = lo;
            cj[c] = k - lo;
            if (c < Chains)
            {
                // The value merged just before the chain starts (NaN: none, so the first value counts).
                var before = double.NaN;
                if (lo > 0)
                {
                    before = a[lo - 1];
                }

                if (k - lo > 0 && !(before >= b[k - lo - 1]))
                {
                    before = b[k - lo - 1];
                }

                prev[c] = before;
            }
        }

        ref var ar = ref MemoryMarshal.GetReference(a);
        ref var br = ref MemoryMarshal.GetReference(b);
        long i0 = ci[0], j0 = cj[0], i1 = ci[1], j1 = cj[1], i2 = ci[2], j2 = cj[2], i3 = ci[3], j3 = cj[3];
        double p0 = prev[0], p1 = prev[1], p2 = prev[2], p3 = prev[3];
        long d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        long common = long.MaxValue;
        for (var c = 0; c < Chains; c++)
        {
            common = Math.Min(common, (long)ci[c + 1] + cj[c + 1] - ci[c] - cj[c]);
        }

        for (long step = 0; step < common; step++)
        {
            DistinctStep(ref ar, ref br, na, nb, ref i0, ref j0, ref p0, ref d0);
            DistinctStep(ref ar, ref br, na, nb, ref i1, ref j1, ref p1, ref d1);
            DistinctStep(ref ar, ref br, na, nb, ref i2, ref j2, ref p2, ref d2);
            DistinctStep(ref ar, ref br, na, nb, ref i3, ref j3, ref p3, ref d3);
        }

        Span<long> state = [i0, j0, i1, j1, i2, j2, i3, j3];
        Span<double> last = [p0, p1, p2, p3];
        var distinct = d0 + d1 + d2 + d3;
        for (var c = 0; c < Chains; c++)
        {
            long i = state[2 * c], j = state[(2 * c) + 1];
            var p = last[c];
            long d = 0;
            while (i + j < (long)ci[c + 1] + cj[c + 1])
            {
                DistinctStep(ref ar, ref br, na, nb, ref i, ref j, ref p, ref d);
            }

            distinct += d;
        }

        return (int)distinct;
    }

    /// <summary>Σ |F₁ − F₂|^p · gap over the gaps between consecutive distinct pooled values, by Neumaier summation.</summary>
    private struct CdfGapSum(int n1, int n2, bool squared) : ITieGroupVisitor
    {
        private readonly int _n1 = n1;
        private readonly int _n2 = n2;
        private readonly bool _squared = squared;
        private bool _started;
        private double _previous;
        private double _sum;
        private double _comp;

        public readonly double Total => _sum + _comp;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(double value, int startA, int endA, int startB, int endB)
        {
            // The gap from the previous distinct value to this one, where F₁ = startA/n₁ and F₂ = startB/n₂.
            if (_started)
            {
                var diff = ((double)startA / _n1) - ((double)startB / _n2);
                var term = (_squared ? diff * diff : Math.Abs(diff)) * (value - _previous);

                // Neumaier summation: the terms are non-negative, but a million of them still lose digits.
                var t = _sum + term;
                _comp += Math.Abs(_sum) >= Math.Abs(term) ? (_sum - t) + term : (term - t) + _sum;
                _sum = t;
            }

            _started = true;
            _previous = value;
        }
    }

    /// <summary>2·R₁ and Σ (t³ − t), accumulated over the tie groups.</summary>
    private struct RankSums : ITieGroupVisitor
    {
        public long TwiceR1;
        public Int128 Tie;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(double value, int startA, int endA, int startB, int endB)
        {
            long pos = (long)startA + startB, c1 = endA - startA, c = c1 + (endB - startB);

            // Ranks pos+1 .. pos+c average to pos + (c + 1)/2; doubled: 2·pos + c + 1.
            TwiceR1 += c1 * ((2 * pos) + c + 1);
            if (c > 1)
            {
                Tie += ((Int128)c * c * c) - c;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DistinctStep(ref double a, ref double b, long na, long nb, ref long i, ref long j, ref double prev, ref long distinct)
    {
        unchecked
        {
            var x = i < na ? Unsafe.Add(ref a, (nint)i) : double.PositiveInfinity;
            var y = j < nb ? Unsafe.Add(ref b, (nint)j) : double.PositiveInfinity;
            long takeA = Unsafe.BitCast<bool, byte>(x <= y);

            // v = takeA ? x : y by bit masks, so the JIT cannot turn it into an unpredictable branch.
            var mask = -takeA;
            var v = BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x) & mask) | (BitConverter.DoubleToInt64Bits(y) & ~mask));
            distinct += Unsafe.BitCast<bool, byte>(v != prev);
            prev = v;
            i += takeA;
            j += 1 - takeA;
        }
    }
}
