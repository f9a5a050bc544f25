namespace DriftWatch.Statistics;

/// <summary>Compensated sums and means, accurate to about one rounding regardless of length.</summary>
internal static class Moments
{
    /// <summary>The Neumaier-compensated sum.</summary>
    /// <param name="x">The values.</param>
    /// <returns>Σx.</returns>
    public static double Sum(ReadOnlySpan<double> x)
    {
        double s = 0, comp = 0;
        foreach (var v in x)
        {
            var t = s + v;
            comp += Math.Abs(s) >= Math.Abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }

        return s + comp;
    }

    /// <summary>The mean with a compensated sum.</summary>
    /// <param name="x">The values (non-empty).</param>
    /// <returns>Σx / n.</returns>
    public static double Mean(ReadOnlySpan<double> x) => Sum(x) / x.Length;

    /// <summary>The sum of squared deviations from <paramref name="mean"/>, compensated.</summary>
    /// <param name="x">The values.</param>
    /// <param name="mean">The centre.</param>
    /// <returns>Σ(x − mean)².</returns>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        double s = 0, comp = 0;
        foreach (var v in x)
        {
            var d = v - mean;
            var term = d * d;
            var t = s + term;
            comp += Math.Abs(s) >= term ? (s - t) + term : (term - t) + s;
            s = t;
        }

        return s + comp;
    }
}
