using System.Buffers;
using System.Runtime.CompilerServices;

namespace DriftWatch.Statistics;

/// <summary>
/// The two-sample Kolmogorov-Smirnov statistic and its two-sided p-value, matching scipy's
/// <c>ks_2samp(alternative="two-sided", method="auto")</c>.
/// </summary>
/// <remarks>
/// <para>D = sup_x |F₁(x) − F₂(x)| over the empirical CDFs (right-continuous, evaluated at every data point).</para>
/// <para>p-value (scipy's "auto"): when max(n₁, n₂) ≤ 10 000 the exact null distribution of the two-sample statistic is
/// used. D is first snapped to the lattice h / lcm(n₁, n₂) with h = round(D · lcm) (half to even), and that snapped D
/// is what scipy reports. For n₁ = n₂ = n the probability of leaving the band is the alternating Horner sum
/// 2·A₀(1 − A₁(1 − A₂(…))) with Aₖ = Π_j (n − kh − j)/(n + kh + j + 1); otherwise the lattice-path recursion of
/// Hodges (1958) in Viehmann's (2021) "1 − p" form. If the exact value is not a probability the asymptotic form is
/// used. Otherwise (larger samples) p = kstwo.sf(D, round(n₁n₂/(n₁+n₂))), the one-sample Kolmogorov distribution
/// (<see cref="KolmogorovDistribution"/>).</para>
/// <para>Hand-written because no .NET library implements the exact two-sample distribution.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class KolmogorovSmirnov
{
    /// <summary>scipy's MAX_AUTO_N: up to this larger sample size the exact distribution is used.</summary>
    internal const int MaxExactN = 10_000;

    /// <summary>Computes D for two unsorted samples (sorted copies are made in pooled buffers).</summary>
    /// <param name="sample1">The first sample (finite values).</param>
    /// <param name="sample2">The second sample (finite values).</param>
    /// <returns>The statistic D in [0, 1] (not snapped to the exact lattice).</returns>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static double Statistic(ReadOnlySpan<double> sample1, ReadOnlySpan<double> sample2)
    {
        var a = ArrayPool<double>.Shared.Rent(sample1.Length);
        var b = ArrayPool<double>.Shared.Rent(sample2.Length);
        try
        {
            var sa = a.AsSpan(0, sample1.Length);
            var sb = b.AsSpan(0, sample2.Length);
            RadixSort.SortInto(sample1, sa);
            RadixSort.SortInto(sample2, sb);
            return StatisticSorted(sa, sb);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
        }
    }

    /// <summary>Computes D for two samples already sorted ascending, in one merge pass.</summary>
    /// <param name="sorted1">The first sample, sorted.</param>
    /// <param name="sorted2">The second sample, sorted.</param>
    /// <returns>The statistic D in [0, 1] (not snapped to the exact lattice).</returns>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    public static double StatisticSorted(ReadOnlySpan<double> sorted1, ReadOnlySpan<double> sorted2)
    {
        int n1 = sorted1.Length, n2 = sorted2.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Both samples must be non-empty.");
        }

        // scipy evaluates cdf1 - cdf2 at every pooled point with searchsorted(side="right"); the extremes are
        // attained after the last copy of each distinct value, so one pass over the distinct values suffices.
        // The differences are formed exactly as scipy does (i/n1 - j/n2 in double) so D matches bit for bit.
        var extremes = new DifferenceExtremes(n1, n2);
        TieGroupWalk.Run(sorted1, sorted2, ref extremes);
        var (maxS, minS) = (extremes.Max, extremes.Min);

        var down = Math.Clamp(-minS, 0.0, 1.0);
        return down > maxS ? down : maxS;
    }

    /// <summary>The two-sided p-value of D for sample sizes n₁, n₂ as scipy's <c>ks_2samp</c> method "auto".</summary>
    /// <param name="d">The statistic.</param>
    /// <param name="n1">The first sample size.</param>
    /// <param name="n2">The second sample size.</param>
    /// <returns>The p-value in [0, 1].</returns>
    public static double TwoSidedPValue(double d, int n1, int n2) => Test(d, n1, n2).PValue;

    /// <summary>The statistic as scipy reports it (snapped to the lattice in exact mode) and the two-sided p-value.</summary>
    /// <param name="d">The raw statistic from <see cref="StatisticSorted"/>.</param>
    /// <param name="n1">The first sample size.</param>
    /// <param name="n2">The second sample size.</param>
    /// <returns>The reported statistic and p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static (double Statistic, double PValue) Test(double d, int n1, int n2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n2);
        if (Math.Max(n1, n2) <= MaxExactN)
        {
            var g = Gcd(n1, n2);
            var lcm = (long)(n1 / g) * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            var snapped = h * 1.0 / lcm;
            if (h == 0)
            {
                return (snapped, 1.0);
            }

            var prob = n1 == n2 ? ProbOutsideSquare(n1, (int)h) : OuterProbInside(n1, n2, g, h);
            if (prob is >= 0 and <= 1)
            {
                return (snapped, prob);
            }

            d = snapped;
        }

        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        var p = KolmogorovDistribution.Sf(d, Math.Round(en, MidpointRounding.ToEven));
        return (d, Math.Clamp(p, 0.0, 1.0));
    }

    /// <summary>Pr(D_{n,n} ≥ h/n): 2·(C(2n, n−h) − C(2n, n−2h) + …)/C(2n, n) by a Horner-like product.</summary>
    private static double ProbOutsideSquare(int n, int h)
    {
        var p = 0.0;
        var k = n / h;
        while (k >= 0)
        {
            var p1 = 1.0;
            for (var j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }

    /// <summary>
    /// The proportion of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| &lt; h/lcm, computed
    /// column by column over a sliding window directly as 1 − p (Viehmann 2021), as scipy does.
    /// </summary>
    private static double OuterProbInside(int m, int n, int g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        long mg = m / g, ng = n / g;
        var minj = 0;
        var maxj = (int)Math.Min((long)Math.Ceiling(h / (double)mg), n + 1);
        var curlen = maxj - minj;
        var lenA = Math.Min((2 * maxj) + 2, n + 1);
        var a = ArrayPool<double>.Shared.Rent(lenA);
        try
        {
            Array.Fill(a, 1.0, 0, lenA);
            Array.Fill(a, 0.0, minj, maxj - minj);
            for (var i = 1; i <= m; i++)
            {
                int lastminj = minj, lastlen = curlen;
                minj = (int)Math.Max((long)Math.Floor(((ng * i) - h) / (double)mg) + 1, 0);
                minj = Math.Min(minj, n);
                maxj = (int)Math.Min((long)Math.Ceiling(((ng * i) + h) / (double)mg), n + 1);
                if (maxj <= minj)
                {
                    return 1.0;
                }

                var val = minj == 0 ? 0.0 : 1.0;
                for (var jj = 0; jj < maxj - minj; jj++)
                {
                    var j = jj + minj;
                    val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                    a[jj] = val;
                }

                curlen = maxj - minj;
                if (lastlen > curlen)
                {
                    // numpy clips the slice at the end of the window array; so do we.
                    var start = maxj - minj;
                    Array.Fill(a, 1.0, start, Math.Max(0, Math.Min(lastlen - curlen, lenA - start)));
                }
            }

            return a[maxj - minj - 1];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The largest and smallest i/n₁ − j/n₂ after each distinct pooled value.</summary>
    private struct DifferenceExtremes(int n1, int n2) : ITieGroupVisitor
    {
        private readonly int _n1 = n1;
        private readonly int _n2 = n2;

        public double Max = double.NegativeInfinity;
        public double Min = double.PositiveInfinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(double value, int startA, int endA, int startB, int endB)
        {
            var diff = ((double)endA / _n1) - ((double)endB / _n2);
            if (diff > Max)
            {
                Max = diff;
            }

            if (diff < Min)
            {
                Min = diff;
            }
        }
    }
}
