namespace DriftWatch.Quality;

/// <summary>The expected calibration error (ECE) of probabilities against 0/1 labels, with equal-count bins.</summary>
/// <remarks><threadsafety>Stateless; safe to use from any thread.</threadsafety></remarks>
public static class CalibrationError
{
    /// <summary>Computes the expected calibration error over equal-count bins.</summary>
    /// <param name="labels">The true labels, each 0 or 1.</param>
    /// <param name="probabilities">The predicted probabilities of class 1.</param>
    /// <param name="binCount">The number of bins (at least 2).</param>
    /// <returns>ECE = Σ_b (n_b / n)·|mean(p in b) − mean(y in b)|.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0/1, a probability is not finite, or there
    /// are fewer than 4 rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 2.</exception>
    /// <remarks>
    /// Rows are sorted by probability (ties kept in input order: a stable sort) and cut into bins of ⌊n / bins⌋ rows,
    /// the last bin taking the remainder. When n ≤ 2·bins the bin count drops to ⌊n / 2⌋, as in NannyML's
    /// <c>_get_bin_index_edges</c>. NannyML's own edges produce extra bins when n is not a multiple of the bin count and
    /// its unstable sort orders ties arbitrarily; both agree with this one when n is a multiple and probabilities at bin
    /// edges are distinct.
    /// </remarks>
    public static double Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int binCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} values but probabilities has {probabilities.Length}.", nameof(probabilities));
        }

        var n = labels.Length;
        if (n <= 2 * binCount)
        {
            binCount = n / 2;
            if (binCount < 2)
            {
                throw new ArgumentException($"the calibration error needs at least 4 rows; got {n}.", nameof(labels));
            }
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            ClassificationMetrics.CheckLabel(labels[i], nameof(labels), i);
            if (!double.IsFinite(probabilities[i]))
            {
                throw new ArgumentException($"probabilities[{i}] is {probabilities[i]}; probabilities must be finite.", nameof(probabilities));
            }

            order[i] = i;
        }

        var p = probabilities.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = p[a].CompareTo(p[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var width = n / binCount;
        double ece = 0;
        for (var b = 0; b < binCount; b++)
        {
            var start = b * width;
            var end = b == binCount - 1 ? n : start + width;
            double sumP = 0, sumY = 0;
            for (var k = start; k < end; k++)
            {
                sumP += p[order[k]];
                sumY += labels[order[k]];
            }

            var count = end - start;
            ece += (double)count / n * Math.Abs((sumP / count) - (sumY / count));
        }

        return ece;
    }
}
