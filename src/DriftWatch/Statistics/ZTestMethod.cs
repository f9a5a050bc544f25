using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The two-proportion z-test (<c>z</c>); the score is the p-value.</summary>
/// <remarks>
/// <para>The union of categories is sorted (numbers by value, strings ordinally); each value becomes 0 when it equals
/// the first category and 1 otherwise. With <c>p_r</c>, <c>p_c</c> the shares of 1s and the pooled
/// <c>P = (p_r n_r + p_c n_c) / (n_r + n_c)</c>: <c>z = (p_r − p_c) / sqrt(P (1 − P) (1/n_r + 1/n_c))</c>, two-sided p.
/// When both samples are the same constant, z = 0 and p = 1. Meant for binary data; with more categories it compares the
/// first one against the rest, as Evidently does.</para>
/// <para>Evidently profile: <c>p = 2·(1 − Φ(|z|))</c> exactly as Evidently computes it (it rounds to 0 beyond |z| ≈ 8.3).
/// Native profile: <c>p = erfc(|z| / √2)</c>, the same value without the cancellation. Drift when <c>p &lt; threshold</c>
/// (default 0.05).</para>
/// </remarks>
public sealed class ZTestMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "z";

    /// <inheritdoc/>
    public bool IsTest => true;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => type == ColumnType.Categorical;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.05;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        SampleGuard.RequireNonEmpty(Name, reference, current);
        var table = CategoryTable.Build(reference, current);
        if (table.Count == 1)
        {
            return new DriftTestResult(Name, 0.0, 1.0, 1.0, threshold, 1.0 < threshold);
        }

        double n1 = table.ReferenceTotal, n2 = table.CurrentTotal;
        var p1 = (table.ReferenceTotal - table.Reference[0]) / n1;
        var p2 = (table.CurrentTotal - table.Current[0]) / n2;
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        var p = profile == DriftProfile.Evidently ? PValues.NormalTwoSidedEvidently(z) : PValues.NormalTwoSided(z);
        return new DriftTestResult(Name, z, p, p, threshold, p < threshold);
    }
}
