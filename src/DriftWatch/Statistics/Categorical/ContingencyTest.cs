namespace DriftWatch.Statistics.Categorical;

/// <summary>Tests of homogeneity on the 2×k table of reference and current category counts (scipy <c>chi2_contingency</c>, no continuity correction).</summary>
/// <remarks>
/// <para>Expected counts <c>E[i, j] = row_i · col_j / total</c>; Pearson <c>X² = Σ (O − E)² / E</c> or the log-likelihood
/// <c>G = 2 Σ O·ln(O / E)</c> (a zero cell contributes 0); <c>dof = k − 1</c>; p from the chi-squared upper tail.</para>
/// <para>With one category (<c>dof = 0</c>) the statistic is 0 and p is 1, as in scipy.</para>
/// </remarks>
internal static class ContingencyTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="reference">The reference count per category (each category has a count on at least one side).</param>
    /// <param name="current">The current count per category.</param>
    /// <param name="logLikelihood"><see langword="true"/> for the G statistic, <see langword="false"/> for Pearson's.</param>
    /// <returns>The statistic and p-value.</returns>
    public static (double Statistic, double PValue) Homogeneity(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, bool logLikelihood)
    {
        var k = reference.Length;
        if (k <= 1)
        {
            return (0.0, 1.0);
        }

        double rowR = 0, rowC = 0;
        for (var j = 0; j < k; j++)
        {
            rowR += reference[j];
            rowC += current[j];
        }

        var total = rowR + rowC;
        var stat = 0.0;
        for (var j = 0; j < k; j++)
        {
            double col = reference[j] + current[j];
            stat += Term(reference[j], rowR * col / total, logLikelihood);
            stat += Term(current[j], rowC * col / total, logLikelihood);
        }

        return (stat, PValues.ChiSquaredSurvival(stat, k - 1));
    }

    private static double Term(double observed, double expected, bool logLikelihood)
    {
        if (!logLikelihood)
        {
            var d = observed - expected;
            return d * d / expected;
        }

        return observed == 0 ? 0.0 : 2.0 * observed * Math.Log(observed / expected);
    }
}
