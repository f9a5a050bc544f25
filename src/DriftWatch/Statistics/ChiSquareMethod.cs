using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The chi-squared test (<c>chisquare</c>) on category counts; the score is the p-value.</summary>
/// <remarks>
/// <para>Native profile: the test of homogeneity on the 2×k table of reference and current counts over the union of
/// categories (scipy <c>chi2_contingency</c>, no continuity correction, <c>dof = k − 1</c>); one category gives
/// statistic 0 and p = 1. Both samples are treated as random, so the false-positive rate is the nominal α.</para>
/// <para>Evidently profile: Evidently's goodness-of-fit test, which treats the reference proportions as exact: expected
/// <c>E_i = r_i · (n_c / n_r)</c>, <c>X² = Σ (c_i − E_i)² / E_i</c>, <c>dof = k − 1</c> (scipy <c>chisquare</c>). A category
/// unseen in the reference gives <c>X² = +Inf</c> and p = 0; one category gives p = NaN (never drift). It ignores the
/// reference's own sampling noise, so it fires far more often than α on identical distributions.</para>
/// <para>Numerical samples are compared on their distinct values as categories. Drift when <c>p &lt; threshold</c>
/// (default 0.05).</para>
/// </remarks>
public sealed class ChiSquareMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "chisquare";

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
        var (stat, p) = profile == DriftProfile.Evidently
            ? GoodnessOfFit(table)
            : ContingencyTest.Homogeneity(table.Reference, table.Current, logLikelihood: false);
        return new DriftTestResult(Name, stat, p, p, threshold, p < threshold);
    }

    private static (double Statistic, double PValue) GoodnessOfFit(CategoryTable table)
    {
        var scale = table.CurrentTotal / (double)table.ReferenceTotal;
        var stat = 0.0;
        for (var k = 0; k < table.Count; k++)
        {
            var expected = table.Reference[k] * scale;
            var d = table.Current[k] - expected;
            stat += d * d / expected;
        }

        return (stat, PValues.ChiSquaredSurvival(stat, table.Count - 1));
    }
}
