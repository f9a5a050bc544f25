using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The total variation distance with a permutation p-value (<c>TVD</c>); the score is the p-value, as in Evidently.</summary>
/// <remarks>
/// <para>Statistic <c>TVD = ½ Σ |r_i / n_r − c_i / n_c|</c> over the union of categories (in [0, 1], 0 for identical
/// proportions). The p-value comes from <see cref="PermutationTest.Iterations"/> seeded random relabellings of the pooled
/// sample (reproducible; not numpy's random stream, so it agrees with Evidently's in distribution, not digit for digit).
/// Evidently profile: <c>p = #{TVD* ≥ TVD} / B</c>; native profile: <c>(1 + #{TVD* ≥ TVD}) / (B + 1)</c>, which is never 0.</para>
/// <para>Drift when <c>p &lt; threshold</c> (default 0.1).</para>
/// </remarks>
public sealed class TvdMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "TVD";

    /// <inheritdoc/>
    public bool IsTest => true;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => type == ColumnType.Categorical;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.1;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        SampleGuard.RequireNonEmpty(Name, reference, current);
        var table = CategoryTable.Build(reference, current);
        var tvd = PermutationTest.TotalVariation(table.Reference, table.Current);
        var atLeast = PermutationTest.CountAtLeastObserved(table.Reference, table.Current);
        var p = profile == DriftProfile.Evidently
            ? atLeast / (double)PermutationTest.Iterations
            : (1.0 + atLeast) / (PermutationTest.Iterations + 1.0);
        return new DriftTestResult(Name, tvd, p, p, threshold, p < threshold);
    }
}
