using MathNet.Numerics;

namespace DriftWatch.Statistics.Categorical;

/// <summary>Tail probabilities used by the categorical tests.</summary>
internal static class PValues
{
    private const double Sqrt1Over2 = 0.70710678118654752440;

    /// <summary>The chi-squared survival function <c>P(X ≥ x)</c> for <paramref name="dof"/> degrees of freedom (scipy <c>chi2.sf</c>).</summary>
    /// <param name="x">The statistic.</param>
    /// <param name="dof">The degrees of freedom; 0 gives NaN as scipy does.</param>
    /// <returns>The upper tail probability.</returns>
    /// <remarks><c>Q(dof / 2, x / 2)</c>, the regularised upper incomplete gamma function; +Inf gives 0.</remarks>
    public static double ChiSquaredSurvival(double x, int dof)
    {
        if (dof <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(dof / 2.0, x / 2.0);
    }

    /// <summary>The standard normal CDF computed as Cephes/scipy <c>ndtr</c> does (erf near 0, erfc in the tails).</summary>
    /// <param name="a">The argument.</param>
    /// <returns><c>Φ(a)</c>.</returns>
    public static double NormalCdf(double a)
    {
        var x = a * Sqrt1Over2;
        var z = Math.Abs(x);
        if (z < Sqrt1Over2)
        {
            return 0.5 + (0.5 * SpecialFunctions.Erf(x));
        }

        var y = 0.5 * SpecialFunctions.Erfc(z);
        return x > 0 ? 1.0 - y : y;
    }

    /// <summary>The two-sided normal p-value as Evidently computes it: <c>2·(1 − Φ(|z|))</c> (0 once Φ rounds to 1).</summary>
    /// <param name="z">The statistic.</param>
    /// <returns>The p-value.</returns>
    public static double NormalTwoSidedEvidently(double z) => 2 * (1 - NormalCdf(Math.Abs(z)));

    /// <summary>The two-sided normal p-value without cancellation: <c>erfc(|z| / √2)</c>.</summary>
    /// <param name="z">The statistic.</param>
    /// <returns>The p-value.</returns>
    public static double NormalTwoSided(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) * Sqrt1Over2);
}
