namespace DriftWatch.Tests.Multivariate;

/// <summary>
/// A two-sample Kolmogorov-Smirnov test for the univariate side of the correlation test: statistic D and the asymptotic
/// p-value Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}, λ = (√nₑ + 0.12 + 0.11/√nₑ)·D (Numerical Recipes §14.3).
/// </summary>
internal static class KolmogorovSmirnov
{
    public static double PValue(double[] a, double[] b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (j < y.Length && y[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / x.Length) - ((double)j / y.Length)));
        }

        var ne = Math.Sqrt((double)x.Length * y.Length / (x.Length + y.Length));
        var lambda = (ne + 0.12 + (0.11 / ne)) * d;
        double sum = 0;
        for (var k = 1; k <= 100; k++)
        {
            sum += (k % 2 == 1 ? 2 : -2) * Math.Exp(-2 * k * k * lambda * lambda);
        }

        return Math.Clamp(sum, 0, 1);
    }
}
