using System.Globalization;
using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>Fisher's exact test on binary data (<c>fisher_exact</c>); the score is the two-sided p-value.</summary>
/// <remarks>
/// <para>The 2×2 table holds, per sample, the count of each of the (at most two) categories of the union; the p-value
/// sums the probabilities of all tables with the same margins that are no more likely than the observed one (scipy
/// <c>fisher_exact</c>, two-sided). A single category gives p = 1. There is no statistic.</para>
/// <para>More than two categories is an error. Evidently profile: the samples must also have equal sizes (Evidently
/// refuses others); the native profile accepts any sizes. Drift when <c>p &lt; threshold</c> (default 0.1).</para>
/// </remarks>
public sealed class FisherExactMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "fisher_exact";

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
        if (profile == DriftProfile.Evidently && reference.Count != current.Count)
        {
            throw new DriftMethodException(string.Create(
                CultureInfo.InvariantCulture,
                $"fisher_exact under the evidently profile needs reference and current samples of equal size, but they have {reference.Count} and {current.Count} values; use the native profile."));
        }

        var table = CategoryTable.Build(reference, current);
        if (table.Count > 2)
        {
            throw new DriftMethodException(string.Create(
                CultureInfo.InvariantCulture,
                $"fisher_exact needs binary data, but the reference and current samples have {table.Count} distinct values between them."));
        }

        var p = table.Count == 1
            ? 1.0
            : FisherExact.TwoSided(table.Current[0], table.Current[1], table.Reference[0], table.Reference[1]);
        return new DriftTestResult(Name, null, p, p, threshold, p < threshold);
    }
}
