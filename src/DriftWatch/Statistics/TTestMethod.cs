using MathNet.Numerics;

namespace DriftWatch.Statistics;

/// <summary>Student's two-sample t-test with pooled variance (<c>t_test</c>).</summary>
/// <remarks>
/// <para>t = (x̄_ref − x̄_cur) / sqrt(s²_p (1/n_ref + 1/n_cur)), s²_p = ((n_ref−1)s²_ref + (n_cur−1)s²_cur)/ν,
/// ν = n_ref + n_cur − 2; p = 2·P(T_ν ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2) (scipy's <c>ttest_ind</c>, equal_var=True).</para>
/// <para>Edge cases as scipy: ν = 0 or both variances 0 with equal means give NaN (never drift); zero variance
/// with different means gives |t| = ∞ and p = 0.</para>
/// <para>Score = p; default threshold 0.05; drift when p &lt; threshold. Same in both profiles.</para>
/// </remarks>
internal sealed class TTestMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "t_test";

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
        var (t, p) = Test(reference.Numbers!, current.Numbers!);
        return ContinuousInput.TestResult(Name, t, p, threshold, inclusive: false);
    }

    /// <summary>The pooled-variance t statistic and two-sided p-value.</summary>
    /// <param name="a">The first sample.</param>
    /// <param name="b">The second sample.</param>
    /// <returns>t and p (NaN where undefined).</returns>
    internal static (double T, double P) Test(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double n1 = a.Length, n2 = b.Length;
        var m1 = Moments.Mean(a);
        var m2 = Moments.Mean(b);
        var v1 = Moments.SumSquaredDeviations(a, m1) / (n1 - 1);
        var v2 = Moments.SumSquaredDeviations(b, m2) / (n2 - 1);
        var df = n1 + n2 - 2.0;
        var svar = (((n1 - 1) * v1) + ((n2 - 1) * v2)) / df;
        var denom = Math.Sqrt(svar * ((1.0 / n1) + (1.0 / n2)));
        var t = (m1 - m2) / denom;
        if (double.IsNaN(t) || double.IsNaN(df) || df <= 0)
        {
            return (t, double.NaN);
        }

        if (double.IsInfinity(t))
        {
            return (t, 0.0);
        }

        // Two-sided Student-t tail through the regularized incomplete beta, accurate far into the tail
        // (1 − CDF would cancel).
        var p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
        return (t, Math.Clamp(p, 0.0, 1.0));
    }
}
