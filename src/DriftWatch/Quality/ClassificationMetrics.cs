namespace DriftWatch.Quality;

/// <summary>Binary classification quality metrics from labels (class 1 is the positive class).</summary>
/// <remarks><threadsafety>Stateless; safe to use from any thread.</threadsafety></remarks>
public static class ClassificationMetrics
{
    /// <summary>Counts the confusion matrix of predicted against actual labels.</summary>
    /// <param name="actual">The true labels, each 0 or 1.</param>
    /// <param name="predicted">The predicted labels, each 0 or 1.</param>
    /// <returns>The counted matrix; read accuracy, precision, recall, specificity and F1 from it.</returns>
    /// <exception cref="ArgumentException">The lengths differ or a label is not 0 or 1.</exception>
    /// <remarks>Matches scikit-learn's <c>confusion_matrix(actual, predicted, labels=[0, 1])</c>.</remarks>
    public static ConfusionMatrix Confusion(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} labels but predicted has {predicted.Length}.", nameof(predicted));
        }

        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var a = CheckLabel(actual[i], nameof(actual), i);
            var p = CheckLabel(predicted[i], nameof(predicted), i);
            if (p == 1)
            {
                if (a == 1)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
            else if (a == 1)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    /// <summary>Computes the area under the ROC curve of scores against true labels.</summary>
    /// <param name="actual">The true labels, each 0 or 1.</param>
    /// <param name="scores">The scores; higher means class 1 is more likely.</param>
    /// <returns>The ROC AUC in [0, 1]; NaN when only one class is present or the input is empty.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0 or 1, or a score is not finite.</exception>
    /// <remarks>
    /// AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁·n₀) where R₁ is the sum of the mid-ranks of the positives (the Mann-Whitney U
    /// statistic): equal to the trapezoid area under scikit-learn's <c>roc_curve</c>, ties counting one half, as
    /// <c>sklearn.metrics.roc_auc_score</c>. scikit-learn raises on a single class; this returns NaN.
    /// </remarks>
    public static double RocAuc(ReadOnlySpan<int> actual, ReadOnlySpan<double> scores)
    {
        if (actual.Length != scores.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} labels but scores has {scores.Length}.", nameof(scores));
        }

        var n = actual.Length;
        var order = new int[n];
        var keys = new double[n];
        long positives = 0;
        for (var i = 0; i < n; i++)
        {
            positives += CheckLabel(actual[i], nameof(actual), i);
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"scores[{i}] is {scores[i]}; scores must be finite.", nameof(scores));
            }

            order[i] = i;
            keys[i] = scores[i];
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        Array.Sort(keys, order);
        double positiveRankSum = 0;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // Mid-rank (1-based) of the tie block [start, end).
            var midRank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (actual[order[k]] == 1)
                {
                    positiveRankSum += midRank;
                }
            }

            start = end;
        }

        var p = (double)positives;
        return (positiveRankSum - (p * (p + 1) / 2)) / (p * negatives);
    }

    internal static int CheckLabel(int label, string name, int index)
    {
        if (label is not (0 or 1))
        {
            ThrowLabel(label, name, index);
        }

        return label;
    }

    private static void ThrowLabel(int label, string name, int index) =>
        throw new ArgumentException($"{name}[{index}] is {label}; binary labels must be 0 or 1.", name);
}
