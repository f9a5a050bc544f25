using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The Kullback–Leibler divergence of the current distribution from the reference (<c>kl_div</c>), a distance.</summary>
/// <remarks>
/// <para><c>KL(r‖c) = Σ r_i·ln(r_i / c_i)</c> (scipy <c>stats.entropy(r, c)</c>, natural log, both sides renormalised)
/// over the bins of <see cref="BinnedProportions"/> with zeros filled as for <see cref="PsiMethod"/>. Not symmetric.
/// Drift when <c>KL ≥ threshold</c> (default 0.1).</para>
/// </remarks>
public sealed class KlDivMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "kl_div";

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
            ? BinnedProportions.Evidently(reference, current, fillZeros: true)
            : BinnedProportions.Native(reference, current);
        var kl = Divergence.KullbackLeibler(r, c);
        return new DriftTestResult(Name, kl, null, kl, threshold, kl >= threshold);
    }
}
