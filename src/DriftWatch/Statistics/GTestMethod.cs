using System.Globalization;
using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The G-test (log-likelihood ratio) on category counts (<c>g_test</c>); the score is the p-value.</summary>
/// <remarks>
/// <para>Native profile: the G-test of homogeneity on the 2×k table of reference and current counts,
/// <c>G = 2 Σ O ln(O / E)</c> with <c>E = row · col / total</c>, <c>dof = k − 1</c> (scipy <c>chi2_contingency</c> with
/// <c>lambda_="log-likelihood"</c>, no correction); any sample sizes; one category gives G = 0, p = 1.</para>
/// <para>Evidently profile: Evidently 0.7 passes raw reference counts as the expected frequencies of scipy's
/// <c>power_divergence</c>, <c>G = 2 Σ c_i ln(c_i / r_i)</c>, which scipy only accepts when both samples have the same
/// size: other sizes are an error here too. A category unseen in the reference gives p = 0; one category gives p = NaN.</para>
/// <para>Drift when <c>p &lt; threshold</c> (default 0.1).</para>
/// </remarks>
public sealed class GTestMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "g_test";

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
        double stat, p;
        if (profile == DriftProfile.Evidently)
        {
            if (table.ReferenceTotal != table.CurrentTotal)
            {
                throw new DriftMethodException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"g_test under the evidently profile needs reference and current samples of equal size (Evidently compares raw counts), but they have {table.ReferenceTotal} and {table.CurrentTotal} values; use the native profile."));
            }

            stat = 0.0;
            for (var k = 0; k < table.Count; k++)
            {
                double observed = table.Current[k], expected = table.Reference[k];
                stat += observed == 0 ? 0.0 : 2.0 * observed * Math.Log(observed / expected);
            }

            p = PValues.ChiSquaredSurvival(stat, table.Count - 1);
        }
        else
        {
            (stat, p) = ContingencyTest.Homogeneity(table.Reference, table.Current, logLikelihood: true);
        }

        return new DriftTestResult(Name, stat, p, p, threshold, p < threshold);
    }
}
