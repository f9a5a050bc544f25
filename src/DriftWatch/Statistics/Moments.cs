using System.Numerics;
using System.Runtime.InteropServices;

namespace DriftWatch.Statistics;

/// <summary>Fast, accurate sums and means.</summary>
/// <remarks>
/// Values are summed in blocks of 1 024 with SIMD lanes (error about 256 ε per block, like numpy's pairwise
/// summation), and the block totals are added with Neumaier compensation, so the result is accurate to a few ulps of
/// Σ|x| at memory speed.
/// </remarks>
internal static class Moments
{
    private const int Block = 1024;

    /// <summary>The sum.</summary>
    /// <param name="x">The values.</param>
    /// <returns>Σx.</returns>
    public static double Sum(ReadOnlySpan<double> x) => Blocked(x, 0.0, squares: false);

    /// <summary>The mean.</summary>
    /// <param name="x">The values (non-empty).</param>
    /// <returns>Σx / n.</returns>
    public static double Mean(ReadOnlySpan<double> x) => Sum(x) / x.Length;

    /// <summary>The sum of squared deviations from <paramref name="mean"/>.</summary>
    /// <param name="x">The values.</param>
    /// <param name="mean">The centre.</param>
    /// <returns>Σ(x − mean)².</returns>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean) => Blocked(x, mean, squares: true);

    private static double Blocked(ReadOnlySpan<double> x, double centre, bool squares)
    {
        double total = 0, comp = 0;
        for (var start = 0; start < x.Length; start += Block)
        {
            var block = x.Slice(start, Math.Min(Block, x.Length - start));
            var part = BlockSum(block, centre, squares);
            var t = total + part;
            comp += Math.Abs(total) >= Math.Abs(part) ? (total - t) + part : (part - t) + total;
            total = t;
        }

        return total + comp;
    }

    private static double BlockSum(ReadOnlySpan<double> block, double centre, bool squares)
    {
        var acc = Vector<double>.Zero;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(block);
        if (squares)
        {
            var c = new Vector<double>(centre);
            foreach (var v in vectors)
            {
                var d = v - c;
                acc += d * d;
            }
        }
        else
        {
            foreach (var v in vectors)
            {
                acc += v;
            }
        }

        var sum = Vector.Sum(acc);
        for (var i = vectors.Length * Vector<double>.Count; i < block.Length; i++)
        {
            var v = block[i];
            sum += squares ? (v - centre) * (v - centre) : v;
        }

        return sum;
    }

    /// <summary>Σ (x − mx)(y − my), in blocks with compensation between blocks.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="mx">The first centre.</param>
    /// <param name="y">The second values (same length).</param>
    /// <param name="my">The second centre.</param>
    /// <returns>The sum of cross products of deviations.</returns>
    public static double SumCrossDeviations(ReadOnlySpan<double> x, double mx, ReadOnlySpan<double> y, double my)
    {
        double total = 0, comp = 0;
        var cx = new Vector<double>(mx);
        var cy = new Vector<double>(my);
        for (var start = 0; start < x.Length; start += Block)
        {
            var len = Math.Min(Block, x.Length - start);
            var bx = x.Slice(start, len);
            var by = y.Slice(start, len);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(bx);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(by);
            var acc = Vector<double>.Zero;
            for (var i = 0; i < vx.Length; i++)
            {
                acc += (vx[i] - cx) * (vy[i] - cy);
            }

            var part = Vector.Sum(acc);
            for (var i = vx.Length * Vector<double>.Count; i < len; i++)
            {
                part += (bx[i] - mx) * (by[i] - my);
            }

            var t = total + part;
            comp += Math.Abs(total) >= Math.Abs(part) ? (total - t) + part : (part - t) + total;
            total = t;
        }

        return total + comp;
    }
}
