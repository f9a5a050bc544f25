using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The population stability index (<c>psi</c>), a distance.</summary>
/// <remarks>
/// <para><c>PSI = Σ (r_i − c_i)·ln(r_i / c_i)</c> over the bins of <see cref="BinnedProportions"/>; 0 for identical
/// distributions, never negative. Drift when <c>PSI ≥ threshold</c> (default 0.1).</para>
/// <para>Evidently profile: Evidently's bins (Sturges over the combined range when the numerical reference has more
/// than 20 distinct values, else one bin per value), zeros filled with 1e-4 (or min/1e6) without renormalising.
/// Native profile: reference-decile bins (categories for categorical columns), zeros → 1e-4, renormalised.</para>
/// </remarks>
public sealed class PsiMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "psi";

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
        var psi = Divergence.Psi(r, c);
        return new DriftTestResult(Name, psi, null, psi, threshold, psi >= threshold);
    }
}
