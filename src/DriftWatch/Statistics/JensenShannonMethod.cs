using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The Jensen–Shannon distance (<c>jensenshannon</c>), a distance.</summary>
/// <remarks>
/// <para><c>JS = sqrt((KL(r‖m) + KL(c‖m)) / 2)</c> with <c>m = (r + c) / 2</c> and the natural log (scipy
/// <c>spatial.distance.jensenshannon</c>): symmetric, in <c>[0, sqrt(ln 2)]</c>. Drift when <c>JS ≥ threshold</c>
/// (default 0.1).</para>
/// <para>Evidently profile: Evidently's bins on the unfilled proportions. Native profile: reference-decile bins
/// (categories for categorical columns) with zeros → 1e-4 and renormalised, like the other native binned methods.</para>
/// </remarks>
public sealed class JensenShannonMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "jensenshannon";

    /// <inheritdoc/>
    public bool IsTest => false;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => true;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.1;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        SampleGuard.RequireNonEmpty(Name, reference, current);
        var (r, c) = profile == DriftProfile.Evidently
            ? BinnedProportions.Evidently(reference, current, fillZeros: false)
            : BinnedProportions.Native(reference, current);
        var js = Divergence.JensenShannon(r, c);
        return new DriftTestResult(Name, js, null, js, threshold, js >= threshold);
    }
}
