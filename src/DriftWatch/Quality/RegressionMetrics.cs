namespace DriftWatch.Quality;

/// <summary>Regression quality metrics.</summary>
/// <remarks><threadsafety>Stateless; safe to use from any thread.</threadsafety></remarks>
public static class RegressionMetrics
{
    /// <summary>Computes the mean absolute error Σ|yᵢ − ŷᵢ| / n.</summary>
    /// <param name="actual">The true values.</param>
    /// <param name="predicted">The predictions.</param>
    /// <returns>The MAE; NaN for empty input.</returns>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <remarks>Matches <c>sklearn.metrics.mean_absolute_error</c>.</remarks>
    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        Check(actual, predicted);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - predicted[i]);
        }

        return actual.Length == 0 ? double.NaN : sum / actual.Length;
    }

    /// <summary>Computes the root mean squared error √(Σ(yᵢ − ŷᵢ)² / n).</summary>
    /// <param name="actual">The true values.</param>
    /// <param name="predicted">The predictions.</param>
    /// <returns>The RMSE; NaN for empty input.</returns>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <remarks>Matches <c>sqrt(sklearn.metrics.mean_squared_error)</c>.</remarks>
    public static double RootMeanSquaredError(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        Check(actual, predicted);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = actual[i] - predicted[i];
            sum += d * d;
        }

        return actual.Length == 0 ? double.NaN : Math.Sqrt(sum / actual.Length);
    }

    private static void Check(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} values but predicted has {predicted.Length}.", nameof(predicted));
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (!double.IsFinite(actual[i]) || !double.IsFinite(predicted[i]))
            {
                throw new ArgumentException($"row {i} is not finite (actual {actual[i]}, predicted {predicted[i]}).", nameof(actual));
            }
        }
    }
}
