using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace DriftWatch.Statistics;

/// <summary>The two-sample Anderson-Darling test (<c>anderson</c>), scipy's <c>anderson_ksamp</c> with midranks.</summary>
/// <remarks>
/// <para>A²_akN = (N−1)/N · Σ_i (1/n_i) Σ_j l_j/N · (N·M_ij − B_j·n_i)² / (B_j(N − B_j) − N·l_j/4) over the
/// distinct pooled values z_j (Scholz and Stephens 1987, eq. 7), with l_j the multiplicity of z_j, B_j = #(pooled &lt; z_j)
/// + l_j/2 and M_ij = #(sample i ≤ z_j) − f_ij/2. The standardised statistic is A² = (A²_akN − 1)/σ_N with
/// σ²_N from the same paper.</para>
/// <para>The p-value interpolates log(significance) quadratically (least squares) through the tabulated critical
/// values for k = 2 at levels 0.25 … 0.001, and is clipped to [0.001, 0.25] exactly as scipy does: the test cannot
/// say more than that, so treat 0.25 as "≥ 0.25".</para>
/// <para>Score = p; default threshold 0.1; drift when p &lt; threshold. Same in both profiles. Fewer than two
/// distinct values in the pooled sample is an error (as scipy).</para>
/// </remarks>
internal sealed class AndersonDarlingMethod : IDriftMethod
{
    private static readonly double[] Significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];

    // Critical values for k = 2 (m = 1): b0 + b1/sqrt(m) + b2/m.
    private static readonly double[] Critical = BuildCritical();

    // Quadratic least-squares fit of log(significance) on the critical values (numpy.polyfit, degree 2),
    // coefficients in ascending order.
    private static readonly double[] Fit = Polynomial.Fit(Critical, LogSignificance(), 2).Coefficients;

    /// <inheritdoc/>
    public string Name => "anderson";

    /// <inheritdoc/>
    public bool IsTest => true;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => type == ColumnType.Numerical;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.1;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        ContinuousInput.Require(Name, reference, current);
        var (r, c) = ContinuousInput.Sorted(reference, current);
        var (a2, p) = Test(r, c);
        return ContinuousInput.TestResult(Name, a2, p, threshold, inclusive: false);
    }

    /// <summary>The standardised statistic and the clipped p-value.</summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <returns>A² and p.</returns>
    /// <exception cref="DriftMethodException">Fewer than two distinct values, or too few values for the variance.</exception>
    internal static (double A2, double P) Test(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n1 = a.Length, n2 = b.Length;
        var nn = n1 + n2;
        double bigN = nn;

        // One merge pass over the distinct pooled values z_j.
        var sums = new MidrankSums(n1, n2);
        TieGroupWalk.Run(a, b, ref sums);
        var (distinct, sum1, sum2) = (sums.Distinct, sums.Sum1, sums.Sum2);

        if (distinct < 2)
        {
            throw new DriftMethodException("Method 'anderson' needs more than one distinct value in the pooled sample.");
        }

        if (nn < 4)
        {
            throw new DriftMethodException("Method 'anderson' needs at least four values in total.");
        }

        var a2kN = ((sum1 / n1) + (sum2 / n2)) * (bigN - 1.0) / bigN;

        // Variance of A²_kN (Scholz and Stephens eq. 4-6), k = 2.
        const double k = 2;
        var hh = (1.0 / n1) + (1.0 / n2);
        double hsCs = 0, g = 0;
        for (var t = nn - 1; t >= 2; t--)
        {
            hsCs += 1.0 / t;

            // g = Σ_{i=1}^{N-2} Σ_{j=i+1}^{N-1} 1/((N-i) j), built from the running harmonic tail as numpy does:
            // hs_cs[idx] / (idx + 2) with hs_cs the cumulative sum of 1/(N-1), 1/(N-2), …
            g += hsCs / (nn - t + 1);
        }

        var h = hsCs + 1;
        var ca = (((4 * g) - 6) * (k - 1)) + ((10 - (6 * g)) * hh);
        var cb = (((2 * g) - 4) * k * k) + (8 * h * k) + (((2 * g) - (14 * h) - 4) * hh) - (8 * h) + (4 * g) - 6;
        var cc = (((6 * h) + (2 * g) - 2) * k * k) + (((4 * h) - (4 * g) + 6) * k) + (((2 * h) - 6) * hh) + (4 * h);
        var cd = (((2 * h) + 6) * k * k) - (4 * h * k);
        var sigmasq = ((ca * bigN * bigN * bigN) + (cb * bigN * bigN) + (cc * bigN) + cd) / ((bigN - 1.0) * (bigN - 2.0) * (bigN - 3.0));
        var a2 = (a2kN - (k - 1)) / Math.Sqrt(sigmasq);

        double p;
        if (a2 < Critical[0])
        {
            p = Significance[0];
        }
        else if (a2 > Critical[^1])
        {
            p = Significance[^1];
        }
        else
        {
            p = Math.Exp(Fit[0] + (Fit[1] * a2) + (Fit[2] * a2 * a2));
        }

        return (a2, p);
    }

    /// <summary>The number of distinct pooled values and, per sample, Σ_j l_j/N · (N·M_ij − B_j·n_i)² / (B_j(N − B_j) − N·l_j/4).</summary>
    private struct MidrankSums(int n1, int n2) : ITieGroupVisitor
    {
        private readonly double _n1 = n1;
        private readonly double _n2 = n2;
        private readonly double _bigN = n1 + n2;

        public int Distinct;
        public double Sum1;
        public double Sum2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(double value, int startA, int endA, int startB, int endB)
        {
            Distinct++;
            double f1 = endA - startA, f2 = endB - startB;
            var lj = f1 + f2;
            var bj = ((long)startA + startB) + (lj / 2.0);
            var m1 = endA - (f1 / 2.0);
            var m2 = endB - (f2 / 2.0);
            var denom = (bj * (_bigN - bj)) - (_bigN * lj / 4.0);
            var w = lj / _bigN;
            var d1 = (_bigN * m1) - (bj * _n1);
            var d2 = (_bigN * m2) - (bj * _n2);
            Sum1 += w * d1 * d1 / denom;
            Sum2 += w * d2 * d2 / denom;
        }
    }

    private static double[] BuildCritical()
    {
        double[] b0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
        double[] b1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
        double[] b2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
        var m = 1.0;
        var c = new double[7];
        for (var i = 0; i < 7; i++)
        {
            c[i] = b0[i] + (b1[i] / Math.Sqrt(m)) + (b2[i] / m);
        }

        return c;
    }

    private static double[] LogSignificance()
    {
        var r = new double[Significance.Length];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = Math.Log(Significance[i]);
        }

        return r;
    }
}
