namespace DriftWatch.Quality;

/// <summary>
/// A fitted non-decreasing isotonic regression y = f(x), used to calibrate classifier scores into probabilities.
/// </summary>
/// <remarks>
/// <para>
/// Fit: sort by x (then y), merge equal x into one point whose y is the weighted mean and whose weight is the sum, then
/// solve min Σ wᵢ(yᵢ − fᵢ)² subject to f₁ ≤ f₂ ≤ … by pool-adjacent-violators (PAVA): scan left to right, keep a stack
/// of blocks, and merge the newest block into the previous one while its mean is lower. The solution is unique.
/// </para>
/// <para>
/// Predict: linear interpolation between the fitted points, clipped to the fitted x range (constant beyond it). This is
/// scikit-learn's <c>IsotonicRegression(increasing=True, out_of_bounds="clip")</c>, which NannyML's CBPE uses; the
/// reference values come from scikit-learn 1.2. scikit-learn merges x values closer than 1e-15; this merges exactly equal
/// values only. Hand-written because neither MathNet.Numerics nor ML.NET exposes an isotonic fit.
/// </para>
/// <threadsafety>Immutable after fitting; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed class IsotonicRegression
{
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicRegression(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>Gets the x of the fitted points (strictly increasing).</summary>
    public IReadOnlyList<double> Thresholds => _x;

    /// <summary>Gets the fitted values at <see cref="Thresholds"/> (non-decreasing).</summary>
    public IReadOnlyList<double> Values => _y;

    /// <summary>Fits an isotonic regression with unit weights.</summary>
    /// <param name="x">The inputs (e.g. raw scores).</param>
    /// <param name="y">The targets (e.g. 0/1 labels).</param>
    /// <returns>The fitted regression.</returns>
    /// <exception cref="ArgumentException">The input is empty, the lengths differ, or a value is not finite.</exception>
    public static IsotonicRegression Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}.", nameof(y));
        }

        if (x.Length == 0)
        {
            throw new ArgumentException("isotonic regression needs at least one point.", nameof(x));
        }

        var n = x.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"point {i} is not finite (x {x[i]}, y {y[i]}).", nameof(x));
            }

            order[i] = i;
        }

        var xs = x.ToArray();
        var ys = y.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = xs[a].CompareTo(xs[b]);
            return c != 0 ? c : ys[a].CompareTo(ys[b]);
        });

        // Merge equal x: weighted mean of y, summed weight.
        var ux = new List<double>(n);
        var sumY = new List<double>(n);
        var weight = new List<double>(n);
        foreach (var i in order)
        {
            if (ux.Count > 0 && xs[i] == ux[^1])
            {
                sumY[^1] += ys[i];
                weight[^1] += 1;
            }
            else
            {
                ux.Add(xs[i]);
                sumY.Add(ys[i]);
                weight.Add(1);
            }
        }

        var fitted = Pava(sumY, weight);
        return new IsotonicRegression([.. ux], fitted);
    }

    /// <summary>Evaluates the regression at one point.</summary>
    /// <param name="x">The input; NaN gives NaN.</param>
    /// <returns>The interpolated fitted value, clipped to the fitted range.</returns>
    public double Predict(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= _x[0])
        {
            return _y[0];
        }

        if (x >= _x[^1])
        {
            return _y[^1];
        }

        // First index with _x[hi] >= x; then _x[hi - 1] < x <= _x[hi].
        var hi = Array.BinarySearch(_x, x);
        if (hi >= 0)
        {
            return _y[hi];
        }

        hi = ~hi;
        var lo = hi - 1;
        var slope = (_y[hi] - _y[lo]) / (_x[hi] - _x[lo]);
        return (slope * (x - _x[lo])) + _y[lo];
    }

    /// <summary>Evaluates the regression at many points.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives one value per input.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public void Predict(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values but x has {x.Length}.", nameof(destination));
        }

        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Predict(x[i]);
        }
    }

    private static double[] Pava(List<double> sumY, List<double> weight)
    {
        var m = sumY.Count;

        // Blocks on a stack: running weighted sum, weight and the number of merged points.
        var blockSum = new double[m];
        var blockWeight = new double[m];
        var blockCount = new int[m];
        var top = -1;
        for (var i = 0; i < m; i++)
        {
            top++;
            blockSum[top] = sumY[i];
            blockWeight[top] = weight[i];
            blockCount[top] = 1;
            while (top > 0 && blockSum[top - 1] / blockWeight[top - 1] > blockSum[top] / blockWeight[top])
            {
                blockSum[top - 1] += blockSum[top];
                blockWeight[top - 1] += blockWeight[top];
                blockCount[top - 1] += blockCount[top];
                top--;
            }
        }

        var result = new double[m];
        var k = 0;
        for (var b = 0; b <= top; b++)
        {
            var mean = blockSum[b] / blockWeight[b];
            for (var j = 0; j < blockCount[b]; j++)
            {
                result[k++] = mean;
            }
        }

        return result;
    }
}
