namespace DriftWatch.Statistics;

/// <summary>The two-sample Kolmogorov-Smirnov test (<c>ks</c>).</summary>
/// <remarks>
/// <para>D = sup_x |F_ref(x) − F_cur(x)|; the two-sided p-value is scipy's <c>ks_2samp(method="auto")</c>: exact
/// when max(n_ref, n_cur) ≤ 10 000 (D is then reported snapped to the lattice h/lcm as scipy does), otherwise
/// <c>kstwo.sf(D, round(n_ref·n_cur/(n_ref+n_cur)))</c>. See <see cref="KolmogorovSmirnov"/>.</para>
/// <para>Score = p-value; default threshold 0.05; drift when p ≤ threshold (Evidently's rule, both profiles).</para>
/// <para>Both samples are sorted once (cached on <see cref="ColumnSample"/>), in parallel, and D is found in one
/// merge pass.</para>
/// </remarks>
internal sealed class KsMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "ks";

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
        var d = KolmogorovSmirnov.StatisticSorted(r, c);
        var (statistic, p) = KolmogorovSmirnov.Test(d, r.Length, c.Length);
        return ContinuousInput.TestResult(Name, statistic, p, threshold, inclusive: true);
    }
}
