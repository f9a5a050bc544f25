namespace DriftWatch.Statistics.Categorical;

/// <summary>Fisher's exact test on a 2×2 table, two-sided (scipy <c>fisher_exact</c>).</summary>
/// <remarks>
/// <para>For the table <c>[[a, b], [c, d]]</c> with fixed margins, <c>a</c> is hypergeometric; the two-sided p-value sums
/// the probabilities of every table no more likely than the observed one (with relative tolerance 1e-7 for ties, as R's
/// <c>fisher.test</c> does). A table with an empty row or column gives p = 1.</para>
/// <para>The probabilities are built by the ratio recurrence <c>P(x + 1) / P(x) = (K − x)(n − x) / ((x + 1)(N − K − n + x + 1))</c>
/// outwards from the mode, which keeps full relative precision where log-gamma differences would lose digits for large
/// tables.</para>
/// </remarks>
internal static class FisherExact
{
    private const double TieTolerance = 1 + 1e-7;

    /// <summary>Computes the two-sided p-value.</summary>
    /// <param name="a">Row 1, column 1.</param>
    /// <param name="b">Row 1, column 2.</param>
    /// <param name="c">Row 2, column 1.</param>
    /// <param name="d">Row 2, column 2.</param>
    /// <returns>The p-value.</returns>
    public static double TwoSided(long a, long b, long c, long d)
    {
        long r1 = a + b, r2 = c + d, n = a + c;
        if (r1 == 0 || r2 == 0 || n == 0 || b + d == 0)
        {
            return 1.0;
        }

        var total = r1 + r2;
        var lo = Math.Max(0, n - r2);
        var hi = Math.Min(r1, n);
        var mode = Math.Clamp((n + 1) * (r1 + 1) / (total + 2), lo, hi);
        var w = new double[hi - lo + 1];
        w[mode - lo] = 1.0;
        for (var x = mode; x < hi; x++)
        {
            w[x + 1 - lo] = w[x - lo] * ((double)(r1 - x) * (n - x) / ((double)(x + 1) * (r2 - n + x + 1)));
        }

        for (var x = mode; x > lo; x--)
        {
            // P(x − 1) / P(x) = x (r2 − n + x) / ((r1 − x + 1)(n − x + 1))
            w[x - 1 - lo] = w[x - lo] * ((double)x * (r2 - n + x) / ((double)(r1 - x + 1) * (n - x + 1)));
        }

        var observed = w[a - lo] * TieTolerance;
        double sum = 0, tail = 0;
        foreach (var v in w)
        {
            sum += v;
            if (v <= observed)
            {
                tail += v;
            }
        }

        return Math.Min(1.0, tail / sum);
    }
}
