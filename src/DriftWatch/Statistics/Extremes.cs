using System.Runtime.Intrinsics;

namespace DriftWatch.Statistics;

/// <summary>The minimum and maximum of NaN-free values, four at a time.</summary>
/// <remarks>Which of −0.0 and +0.0 is returned when both occur is unspecified (they compare equal).</remarks>
internal static class Extremes
{
    /// <summary>The minimum and maximum of the values (+∞ and −∞ when empty).</summary>
    /// <param name="values">NaN-free values.</param>
    /// <returns>The extremes.</returns>
    public static (double Min, double Max) Of(ReadOnlySpan<double> values)
    {
        var i = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count)
        {
            var vmin = Vector256.Create(min);
            var vmax = Vector256.Create(max);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<double>.Count));
                vmin = Vector256.Min(vmin, v);
                vmax = Vector256.Max(vmax, v);
            }

            for (var k = 0; k < Vector256<double>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    /// <summary>The minimum and maximum of two samples together.</summary>
    /// <param name="a">NaN-free values.</param>
    /// <param name="b">More NaN-free values.</param>
    /// <returns>The extremes.</returns>
    public static (double Min, double Max) Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var (minA, maxA) = Of(a);
        var (minB, maxB) = Of(b);
        return (Math.Min(minA, minB), Math.Max(maxA, maxB));
    }
}
