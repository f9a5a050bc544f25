namespace DriftWatch.Statistics.Binning;

/// <summary>Divergences between two binned distributions, and the zero-fill rules the binned methods use.</summary>
/// <remarks>
/// <para>PSI: <c>Σ (r − c)·ln(r / c)</c> on the given proportions (not renormalised).</para>
/// <para>KL: <c>Σ p·ln(p / q)</c> after normalising both to sum 1 (scipy.stats.entropy): a term is 0 where
/// <c>p = 0</c> and +Inf where <c>p &gt; 0 = q</c>.</para>
/// <para>Jensen–Shannon distance: <c>sqrt((KL(p‖m) + KL(q‖m)) / 2)</c> with <c>m = (p + q) / 2</c>, natural log, after
/// normalising (scipy.spatial.distance.jensenshannon); between 0 and <c>sqrt(ln 2)</c>.</para>
/// </remarks>
internal static class Divergence
{
    /// <summary>The value that replaces a zero proportion.</summary>
    public const double ZeroFill = 1e-4;

    /// <summary>Computes the population stability index.</summary>
    /// <param name="reference">The reference proportions (no zeros).</param>
    /// <param name="current">The current proportions (no zeros).</param>
    /// <returns>The PSI.</returns>
    public static double Psi(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var sum = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            sum += (reference[i] - current[i]) * Math.Log(reference[i] / current[i]);
        }

        return sum;
    }

    /// <summary>Computes the Kullback–Leibler divergence <c>KL(p‖q)</c> after normalising both sides.</summary>
    /// <param name="p">The first distribution (non-negative weights).</param>
    /// <param name="q">The second distribution (non-negative weights).</param>
    /// <returns>The divergence in nats.</returns>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sp = Sum(p);
        var sq = Sum(q);
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            sum += RelativeEntropy(p[i] / sp, q[i] / sq);
        }

        return sum;
    }

    /// <summary>Computes the Jensen–Shannon distance (square root of the divergence, natural log) after normalising both sides.</summary>
    /// <param name="p">The first distribution (non-negative weights).</param>
    /// <param name="q">The second distribution (non-negative weights).</param>
    /// <returns>The distance, in [0, sqrt(ln 2)].</returns>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sp = Sum(p);
        var sq = Sum(q);
        double left = 0, right = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var a = p[i] / sp;
            var b = q[i] / sq;
            var m = (a + b) / 2.0;
            left += RelativeEntropy(a, m);
            right += RelativeEntropy(b, m);
        }

        return Math.Sqrt((left + right) / 2.0);
    }

    /// <summary>Evidently's zero fill: zeros become 1e-4, or the smallest non-zero proportion / 1e6 when that is at most 1e-4; no renormalising.</summary>
    /// <param name="proportions">The proportions, changed in place.</param>
    public static void FillZerosEvidently(Span<double> proportions)
    {
        var min = double.PositiveInfinity;
        foreach (var v in proportions)
        {
            if (v != 0 && v < min)
            {
                min = v;
            }
        }

        var fill = min <= ZeroFill ? min / 1e6 : ZeroFill;
        for (var i = 0; i < proportions.Length; i++)
        {
            if (proportions[i] == 0)
            {
                proportions[i] = fill;
            }
        }
    }

    /// <summary>The native zero fill: zeros become 1e-4, then the proportions are renormalised to sum 1.</summary>
    /// <param name="proportions">The proportions, changed in place.</param>
    public static void FillZerosNative(Span<double> proportions)
    {
        var sum = 0.0;
        for (var i = 0; i < proportions.Length; i++)
        {
            if (proportions[i] == 0)
            {
                proportions[i] = ZeroFill;
            }

            sum += proportions[i];
        }

        for (var i = 0; i < proportions.Length; i++)
        {
            proportions[i] /= sum;
        }
    }

    private static double RelativeEntropy(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * Math.Log(x / y);
        }

        return x == 0 && y >= 0 ? 0.0 : double.PositiveInfinity;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
