using System.Buffers;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DriftWatch.Statistics;

/// <summary>The Epps-Singleton two-sample test (<c>es</c>), scipy's <c>epps_singleton_2samp</c> with t = (0.4, 0.8).</summary>
/// <remarks>
/// <para>With σ = IQR(pooled)/2 and τ = t/σ, each value x maps to g(x) = (cos τ₁x, cos τ₂x, sin τ₁x, sin τ₂x).
/// W = N·(ḡ_ref − ḡ_cur)ᵀ Σ⁺ (ḡ_ref − ḡ_cur), Σ = (N/n_ref)·Cov_ref + (N/n_cur)·Cov_cur (biased covariances),
/// Σ⁺ the pseudo-inverse; for max(n) &lt; 25 W is multiplied by 1/(1 + N^−0.45 + 10.1(n_ref^−1.7 + n_cur^−1.7)).
/// p = P(χ²_r ≥ W) with r the rank of Σ⁺ (Epps and Singleton 1986).</para>
/// <para>Errors (as Evidently and scipy): a pooled IQR of 0, or fewer than 5 values on a side.</para>
/// <para>Score = p; default threshold 0.05; drift when p &lt; threshold. Same in both profiles.</para>
/// </remarks>
internal sealed class EppsSingletonMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "es";

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
        var iqr = PooledIqr(r, c);
        if (iqr == 0)
        {
            throw new DriftMethodException("Method 'es': the interquartile range of the pooled sample is 0 (no variability in its middle half).");
        }

        if (r.Length < 5 || c.Length < 5)
        {
            throw new DriftMethodException("Method 'es' needs at least 5 values on each side.");
        }

        var (w, p) = Test(reference.Numbers!, current.Numbers!, iqr);
        return ContinuousInput.TestResult(Name, w, p, threshold, inclusive: false);
    }

    /// <summary>The IQR (linear interpolation, as <c>scipy.stats.iqr</c>) of the pooled sorted samples, without merging them.</summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <returns>Q3 − Q1.</returns>
    internal static double PooledIqr(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        PooledQuantile(a, b, 0.75) - PooledQuantile(a, b, 0.25);

    private static double PooledQuantile(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double q)
    {
        var n = a.Length + b.Length;
        var index = (n - 1) * q;
        var lo = (int)Math.Floor(index);
        var frac = index - lo;
        var x0 = KthSmallest(a, b, lo);
        if (frac == 0 || lo + 1 >= n)
        {
            return x0;
        }

        var x1 = KthSmallest(a, b, lo + 1);

        // numpy's linear interpolation: lerp(a, b, t) = a + (b - a)·t, or b − (b − a)(1 − t) when t ≥ 0.5.
        var diff = x1 - x0;
        return frac >= 0.5 ? x1 - (diff * (1 - frac)) : x0 + (diff * frac);
    }

    /// <summary>The k-th smallest (0-based) of the union of two sorted arrays, in O(log n).</summary>
    private static double KthSmallest(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int k)
    {
        // Binary search on how many come from a.
        int lo = Math.Max(0, k + 1 - b.Length), hi = Math.Min(k + 1, a.Length);
        while (lo < hi)
        {
            var i = (lo + hi) / 2;
            var j = k + 1 - i;
            if (j > 0 && i < a.Length && b[j - 1] > a[i])
            {
                lo = i + 1;
            }
            else
            {
                hi = i;
            }
        }

        var ia = lo;
        var jb = k + 1 - ia;
        var fromA = ia > 0 ? a[ia - 1] : double.NegativeInfinity;
        var fromB = jb > 0 ? b[jb - 1] : double.NegativeInfinity;
        return Math.Max(fromA, fromB);
    }

    /// <summary>W and its χ² p-value.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <param name="iqr">The pooled IQR (non-zero).</param>
    /// <returns>W and p.</returns>
    internal static (double W, double P) Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double iqr)
    {
        int nx = x.Length, ny = y.Length;
        double n = nx + ny;
        var sigma = iqr / 2;
        double[] ts = [0.4 / sigma, 0.8 / sigma];
        var (meanX, covX) = Features(x, ts);
        var (meanY, covY) = Features(y, ts);
        var estCov = (covX * (n / nx)) + (covY * (n / ny));
        var inv = PseudoInverse(estCov);
        var rank = Rank(inv);
        var diff = meanX - meanY;
        var w = n * diff.DotProduct(inv * diff);
        if (Math.Max(nx, ny) < 25)
        {
            var corr = 1.0 / (1.0 + Math.Pow(n, -0.45) + (10.1 * (Math.Pow(nx, -1.7) + Math.Pow(ny, -1.7))));
            w = corr * w;
        }

        var p = rank == 0 ? double.NaN : SpecialFunctions.GammaUpperRegularized(rank / 2.0, w / 2.0);
        return (w, p);
    }

    private static (Vector<double> Mean, Matrix<double> Cov) Features(ReadOnlySpan<double> x, double[] ts)
    {
        // Columns: cos(t1 x), cos(t2 x), sin(t1 x), sin(t2 x), as numpy.vstack((cos(ts*x), sin(ts*x))).T; kept in
        // four pooled arrays so the trigonometry runs once.
        var n = x.Length;
        var buffers = new double[4][];
        try
        {
            for (var c = 0; c < 4; c++)
            {
                buffers[c] = ArrayPool<double>.Shared.Rent(n);
            }

            for (var i = 0; i < n; i++)
            {
                var (s1, c1) = Math.SinCos(ts[0] * x[i]);
                var (s2, c2) = Math.SinCos(ts[1] * x[i]);
                buffers[0][i] = c1;
                buffers[1][i] = c2;
                buffers[2][i] = s1;
                buffers[3][i] = s2;
            }

            var mean = Vector<double>.Build.Dense(4);
            for (var c = 0; c < 4; c++)
            {
                mean[c] = Moments.Mean(buffers[c].AsSpan(0, n));
            }

            var cov = Matrix<double>.Build.Dense(4, 4);
            for (var r = 0; r < 4; r++)
            {
                for (var c = r; c < 4; c++)
                {
                    cov[r, c] = cov[c, r] = Moments.SumCrossDeviations(buffers[r].AsSpan(0, n), mean[r], buffers[c].AsSpan(0, n), mean[c]) / n;
                }
            }

            return (mean, cov);
        }
        finally
        {
            foreach (var b in buffers)
            {
                if (b is not null)
                {
                    ArrayPool<double>.Shared.Return(b);
                }
            }
        }
    }

    /// <summary>numpy's pinv: singular values below 1e-15·max are treated as zero.</summary>
    private static Matrix<double> PseudoInverse(Matrix<double> m)
    {
        var svd = m.Svd(computeVectors: true);
        var s = svd.S;
        var cutoff = 1e-15 * s.Maximum();
        var sInv = Matrix<double>.Build.Dense(m.ColumnCount, m.RowCount);
        for (var i = 0; i < s.Count; i++)
        {
            if (s[i] > cutoff)
            {
                sInv[i, i] = 1.0 / s[i];
            }
        }

        return svd.VT.Transpose() * sInv * svd.U.Transpose();
    }

    /// <summary>numpy's matrix_rank: singular values above max·max(M, N)·ε.</summary>
    private static int Rank(Matrix<double> m)
    {
        var s = m.Svd(computeVectors: false).S;
        var tol = s.Maximum() * Math.Max(m.RowCount, m.ColumnCount) * 2.220446049250313e-16;
        var r = 0;
        foreach (var v in s)
        {
            if (v > tol)
            {
                r++;
            }
        }

        return r;
    }
}
