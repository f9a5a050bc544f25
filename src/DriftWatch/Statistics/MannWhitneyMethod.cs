using MathNet.Numerics;

namespace DriftWatch.Statistics;

/// <summary>The Mann-Whitney U rank test (<c>mannw</c>).</summary>
/// <remarks>
/// <para>U₁ = R_ref − n_ref(n_ref+1)/2 from average ranks in the pooled sample; U₂ = n_ref·n_cur − U₁. The statistic
/// reported is U₁, as scipy's <c>mannwhitneyu(ref, cur)</c>.</para>
/// <para>Profiles: <see cref="DriftProfile.Evidently"/> uses alternative="less" (one-sided: it only notices the
/// current sample shifting up, Evidently's choice); <see cref="DriftProfile.Native"/> is two-sided.</para>
/// <para>p-value as scipy's method "auto": exact when min(n) ≤ 8 and there are no ties (the null distribution of U is
/// the coefficients of the Gaussian binomial [n_ref+n_cur choose n_ref]_q, computed exactly in 128-bit integers);
/// otherwise normal with tie and continuity correction: z = (U − n₁n₂/2 − 0.5)/sqrt(n₁n₂/12 · ((N+1) −
/// Σ(t³−t)/(N(N−1)))), p = Φ̄(z), doubled for two-sided, clipped to [0, 1].</para>
/// <para>Score = p; default threshold 0.05; drift when p &lt; threshold.</para>
/// </remarks>
internal sealed class MannWhitneyMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "mannw";

    /// <inheritdoc/>
    public bool IsTest => true;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => type == ColumnType.Numerical;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.05;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        ContinuousInput.Require(Name, reference, current);
        var (r, c) = ContinuousInput.Sorted(reference, current);
        var (u1, p) = Test(r, c, twoSided: profile == DriftProfile.Native);
        return ContinuousInput.TestResult(Name, u1, p, threshold, inclusive: false);
    }

    /// <summary>U₁ and the p-value (alternative "less" or two-sided) as scipy's <c>mannwhitneyu</c> method auto.</summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <param name="twoSided">Two-sided rather than "less".</param>
    /// <returns>U₁ and p.</returns>
    internal static (double U1, double P) Test(ReadOnlySpan<double> a, ReadOnlySpan<double> b, bool twoSided)
    {
        long n1 = a.Length, n2 = b.Length;
        var (twiceR1, tie) = SortedMerge.RankSum(a, b);
        var twiceU1 = twiceR1 - (n1 * (n1 + 1));
        var u1 = twiceU1 / 2.0;
        var u2 = ((double)n1 * n2) - u1;
        var u = twoSided ? Math.Max(u1, u2) : u2;
        var f = twoSided ? 2.0 : 1.0;
        double p;
        if ((n1 > 8 && n2 > 8) || tie != 0 || !ExactFeasible((int)n1, (int)n2))
        {
            double n = n1 + n2;
            var mu = n1 * n2 / 2.0;
            var s = Math.Sqrt(n1 * n2 / 12.0 * ((n + 1) - ((double)tie / (n * (n - 1)))));
            var z = (u - mu - 0.5) / s;
            p = NormalSf(z);
        }
        else
        {
            p = ExactSf((long)u, (int)n1, (int)n2);
        }

        return (u1, Math.Clamp(p * f, 0.0, 1.0));
    }

    /// <summary>The standard normal survival function Φ̄(z) = erfc(z/√2)/2, accurate in the upper tail.</summary>
    /// <param name="z">The z value (±∞ and NaN allowed).</param>
    /// <returns>P(Z ≥ z).</returns>
    internal static double NormalSf(double z) =>
        double.IsNaN(z) ? double.NaN : 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2.0));

    /// <summary>P(U ≥ u) under the null for sizes m, n without ties.</summary>
    private static double ExactSf(long u, int m, int n)
    {
        // sf(u) = cdf(mn − u) by symmetry; the counts f(m, n, k) are the coefficients of the Gaussian binomial
        // [m+n choose m]_q = Π_{i=1..s} (1 − q^{L+i})/(1 − q^i) with s = min(m, n), L = max(m, n). The product is
        // built exactly in 128-bit integers (s ≤ 8 here, so the coefficients stay far below 2^127).
        var k = ((long)m * n) - u;
        if (k < 0)
        {
            return 0.0;
        }

        int s = Math.Min(m, n), l = Math.Max(m, n);
        var degree = (int)Math.Min(k, (long)s * l);
        var c = new Int128[degree + 1];
        c[0] = 1;
        for (var i = 1; i <= s; i++)
        {
            // multiply by (1 − q^{l+i})
            var shift = l + i;
            for (var d = degree; d >= shift; d--)
            {
                c[d] -= c[d - shift];
            }

            // divide by (1 − q^i): a running sum with stride i
            for (var d = i; d <= degree; d++)
            {
                c[d] += c[d - i];
            }
        }

        Int128 cdf = 0;
        for (var d = 0; d <= degree; d++)
        {
            cdf += c[d];
        }

        var total = BinomialExact(m + n, s);
        return (double)cdf / (double)total;
    }

    /// <summary>
    /// Whether the exact counts fit in 128 bits and a few million coefficients. Beyond that (a side of at most 8
    /// values against about 100 000 tie-free values) scipy runs out of memory; we use the normal approximation.
    /// </summary>
    private static bool ExactFeasible(int m, int n)
    {
        int s = Math.Min(m, n), l = Math.Max(m, n);
        return (long)s * l <= 2_000_000 && SpecialFunctions.BinomialLn(m + n, s) < 120 * Math.Log(2);
    }

    private static Int128 BinomialExact(int n, int k)
    {
        Int128 r = 1;
        for (var i = 1; i <= k; i++)
        {
            r = r * (n - k + i) / i;
        }

        return r;
    }
}
