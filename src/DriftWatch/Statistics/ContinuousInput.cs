namespace DriftWatch.Statistics;

/// <summary>Argument checks and verdict rules shared by the numerical two-sample methods.</summary>
internal static class ContinuousInput
{
    /// <summary>Checks that both samples are numerical and non-empty.</summary>
    /// <param name="method">The method name, for the message.</param>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="DriftMethodException">A sample is categorical or empty.</exception>
    public static void Require(string method, ColumnSample reference, ColumnSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Numbers is null || current.Numbers is null)
        {
            throw new DriftMethodException($"Method '{method}' applies to numerical columns only.");
        }

        if (reference.Count == 0)
        {
            throw new DriftMethodException($"Method '{method}': the reference sample is empty after dropping NaN and infinite values.");
        }

        if (current.Count == 0)
        {
            throw new DriftMethodException($"Method '{method}': the current sample is empty after dropping NaN and infinite values.");
        }
    }

    /// <summary>Sorts both samples (cached on the samples), in parallel when both are large and not yet sorted.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The sorted values of both samples.</returns>
    public static (double[] Reference, double[] Current) Sorted(ColumnSample reference, ColumnSample current)
    {
        if (reference.Count + current.Count >= 200_000)
        {
            double[]? r = null, c = null;
            Parallel.Invoke(() => r = reference.GetSorted(), () => c = current.GetSorted());
            return (r!, c!);
        }

        return (reference.GetSorted(), current.GetSorted());
    }

    /// <summary>A test result: drift when p &lt; threshold (or ≤ when <paramref name="inclusive"/>); a NaN p-value is never drift.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="p">The p-value.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="inclusive">Whether p equal to the threshold is drift.</param>
    /// <returns>The result.</returns>
    public static DriftTestResult TestResult(string method, double statistic, double p, double threshold, bool inclusive) =>
        new(method, statistic, p, p, threshold, !double.IsNaN(p) && (inclusive ? p <= threshold : p < threshold));

    /// <summary>A distance result: drift when d ≥ threshold (or &gt; when not <paramref name="inclusive"/>).</summary>
    /// <param name="method">The method name.</param>
    /// <param name="distance">The distance.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="inclusive">Whether a distance equal to the threshold is drift.</param>
    /// <returns>The result.</returns>
    public static DriftTestResult DistanceResult(string method, double distance, double threshold, bool inclusive) =>
        new(method, distance, null, distance, threshold, inclusive ? distance >= threshold : distance > threshold);
}
