namespace DriftWatch.Statistics;

/// <summary>The two-sample Kolmogorov-Smirnov test (<c>ks</c>).</summary>
/// <remarks>
/// <para>D = sup_x |F_ref(x) − F_cur(x)|; the two-sided p-value is scipy's <c>ks_2samp(method="auto")</c>: exact
/// when max(n_ref, n_cur) ≤ 10 000 (D is then reported snapped to the lattice h/lcm as scipy does), otherwise
/// <c>kstwo.sf(D, round(n_ref·n_cur/(n_ref+n_cur)))</c>. See <see cref="KolmogorovSmirnov"/>.</para>
/// <para>Score = p-value; default threshold 0.05; drift when p ≤ threshold (Evidently's rule, both profiles).</para>
/// <para>When both samples are already sorted (cached on <see cref="ColumnSample"/>) D is found in one merge pass;
/// otherwise, from 8192 values on, <see cref="BucketedKolmogorovSmirnov"/> finds the same D while sorting only the value
/// ranges where the maximum can be.</para>
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
        var d = double.NaN;
        if ((reference.SortedIfComputed is null || current.SortedIfComputed is null)
            && reference.Count + current.Count >= BucketedKolmogorovSmirnov.MinimumPooled)
        {
            d = BucketedKolmogorovSmirnov.Statistic(reference.Numbers!, current.Numbers!);
        }

        if (double.IsNaN(d))
        {
            var (r, c) = ContinuousInput.Sorted(reference, current);
            d = KolmogorovSmirnov.StatisticSorted(r, c);
        }

        var (statistic, p) = KolmogorovSmirnov.Test(d, reference.Count, current.Count);
        return ContinuousInput.TestResult(Name, statistic, p, threshold, inclusive: true);
    }
}
