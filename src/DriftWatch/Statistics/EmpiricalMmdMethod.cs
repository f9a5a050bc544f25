using System.Buffers;

namespace DriftWatch.Statistics;

/// <summary>The empirical maximum mean discrepancy test with an RBF kernel (<c>empirical_mmd</c>).</summary>
/// <remarks>
/// <para>MMD² = 1/(n(n−1)) Σ_{i≠j} k(x_i, x_j) + 1/(m(m−1)) Σ_{i≠j} k(y_i, y_j) − 2/(nm) Σ_{i,j} k(x_i, y_j) with
/// k(a, b) = exp(−γ d(a, b)), d(a, b) = b² − 2ab + a² (computed in that order, as Evidently), γ = 1/(2σ²) and the
/// median heuristic σ = sqrt(½ · median_nearest{d(x_i, x_j)}) over all n² reference pairs (σ = sqrt(½) when that
/// median is 0).</para>
/// <para>The p-value comes from 100 random relabellings of the pooled sample with a fixed seed, so results are
/// reproducible (Evidently's permutations are unseeded). <see cref="DriftProfile.Evidently"/>: p = #(MMD² ≤
/// MMD²_perm)/100, as Evidently; <see cref="DriftProfile.Native"/>: p = (1 + #)/(1 + 100), the valid permutation
/// p-value that is never 0.</para>
/// <para>The kernel matrix is O((n+m)²): sides larger than 1 000 values are replaced by a seeded random subsample of
/// 1 000 values (Evidently would need an (n+m)² matrix in memory). Fewer than 2 values on a side is an error.</para>
/// <para>Score = p; default threshold 0.1; drift when p &lt; threshold.</para>
/// </remarks>
internal sealed class EmpiricalMmdMethod : IDriftMethod
{
    /// <summary>The largest side used as is; larger sides are subsampled to this size.</summary>
    internal const int MaxSide = 1000;

    /// <summary>The number of permutations.</summary>
    internal const int Permutations = 100;

    private const int Seed = 20240607;

    /// <inheritdoc/>
    public string Name => "empirical_mmd";

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
        if (reference.Count < 2 || current.Count < 2)
        {
            throw new DriftMethodException("Method 'empirical_mmd' needs at least two values on each side.");
        }

        var random = new Random(Seed);
        var x = Subsample(reference.Numbers!, random);
        var y = Subsample(current.Numbers!, random);
        var (mmd, count) = Test(x, y, random);
        var p = profile == DriftProfile.Evidently ? count / (double)Permutations : (1.0 + count) / (1.0 + Permutations);
        return ContinuousInput.TestResult(Name, mmd, p, threshold, inclusive: false);
    }

    /// <summary>MMD² and the number of permutations whose MMD² is at least as large.</summary>
    /// <param name="x">The reference values (at least 2).</param>
    /// <param name="y">The current values (at least 2).</param>
    /// <param name="random">The seeded generator for the permutations.</param>
    /// <returns>The statistic and the count.</returns>
    internal static (double Mmd, int Count) Test(double[] x, double[] y, Random random)
    {
        int n = x.Length, m = y.Length, total = n + m;
        var gamma = Gamma(x);
        var pooled = new double[total];
        x.CopyTo(pooled, 0);
        y.CopyTo(pooled, n);

        // The symmetric kernel matrix of the pooled sample with a zero diagonal, in a pooled buffer.
        var k = ArrayPool<double>.Shared.Rent(total * total);
        var isX = ArrayPool<bool>.Shared.Rent(total);
        var order = ArrayPool<int>.Shared.Rent(total);
        try
        {
            for (var i = 0; i < total; i++)
            {
                k[(i * total) + i] = 0;
                var a = pooled[i];
                for (var j = i + 1; j < total; j++)
                {
                    // Evidently computes d as (b² − 2ab) + a² with a from its "x" argument; for the x-y block
                    // a is the reference value, which is the lower index here, as for the x-x and y-y blocks.
                    var b = pooled[j];
                    var d = ((b * b) - (2 * (a * b))) + (a * a);
                    var v = Math.Exp(-gamma * d);
                    k[(i * total) + j] = v;
                    k[(j * total) + i] = v;
                }
            }

            for (var i = 0; i < total; i++)
            {
                isX[i] = i < n;
                order[i] = i;
            }

            var mmd = Statistic(k, total, isX, n, m);
            var count = 0;
            for (var p = 0; p < Permutations; p++)
            {
                random.Shuffle(order.AsSpan(0, total));
                for (var i = 0; i < total; i++)
                {
                    isX[order[i]] = i < n;
                }

                if (mmd <= Statistic(k, total, isX, n, m))
                {
                    count++;
                }
            }

            return (mmd, count);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(k);
            ArrayPool<bool>.Shared.Return(isX);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static double Statistic(double[] k, int total, bool[] isX, int n, int m)
    {
        // Block sums from one pass: row sums restricted to the X labels give Sxx and Sxy; Syy from the row sums
        // restricted to Y.
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < total; i++)
        {
            double rowX = 0, rowY = 0;
            var row = k.AsSpan(i * total, total);
            for (var j = 0; j < total; j++)
            {
                if (isX[j])
                {
                    rowX += row[j];
                }
                else
                {
                    rowY += row[j];
                }
            }

            if (isX[i])
            {
                sxx += rowX;
            }
            else
            {
                syy += rowY;
                sxy += rowX;
            }
        }

        return (sxx / ((double)n * (n - 1))) + (syy / ((double)m * (m - 1))) - (2.0 * (sxy / ((double)n * m)));
    }

    /// <summary>γ = 1/(2σ²) from the median heuristic on the reference.</summary>
    private static double Gamma(double[] x)
    {
        var n = x.Length;
        var count = n * n;
        var d = ArrayPool<double>.Shared.Rent(count);
        try
        {
            var q = 0;
            foreach (var a in x)
            {
                foreach (var b in x)
                {
                    d[q++] = ((b * b) - (2 * (a * b))) + (a * a);
                }
            }

            // numpy.percentile(q=50, method="nearest"): index round-half-even((count − 1)/2).
            var index = (int)Math.Round((count - 1) * 0.5, MidpointRounding.ToEven);
            var span = d.AsSpan(0, count);
            var median = Select(span, index);
            var sigma = Math.Pow(0.5 * median, 0.5);
            if (sigma == 0)
            {
                sigma = Math.Pow(0.5 * 1, 0.5);
            }

            return 1.0 / (2.0 * Math.Pow(sigma, 2));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(d);
        }
    }

    /// <summary>The k-th smallest value (0-based), by sorting: the buffer is at most 10⁶ values.</summary>
    private static double Select(Span<double> values, int k)
    {
        values.Sort();
        return values[k];
    }

    private static double[] Subsample(double[] values, Random random)
    {
        if (values.Length <= MaxSide)
        {
            return values;
        }

        // Partial Fisher-Yates over a copy: the first MaxSide entries are a uniform sample without replacement.
        var copy = (double[])values.Clone();
        for (var i = 0; i < MaxSide; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..MaxSide];
    }
}
