using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>The last N labelled predictions of one model and the quality metrics over them.</summary>
/// <remarks>
/// Classification: accuracy, precision, recall, F1 of the predicted labels against the actual ones (positive class 1),
/// and ROC AUC of the scores by the rank-sum (Mann-Whitney U) formula with tied scores given their average rank,
/// which equals sklearn's <c>roc_auc_score</c>. Regression: MAE = mean |y - ŷ|, RMSE = sqrt(mean (y - ŷ)²).
/// Metrics are computed on demand (O(N log N) for AUC) and cached until the next label.
/// <threadsafety>Thread-safe: a small lock guards the ring buffer; no I/O is done under it.</threadsafety>
/// </remarks>
public sealed class QualityWindow
{
    private readonly Lock _lock = new();
    private readonly ModelTask _task;
    private readonly double[] _label;
    private readonly double[] _score;
    private readonly double[] _actual;
    private int _next;
    private int _count;
    private long _version;
    private long _cachedVersion = -1;
    private QualitySnapshot _cached;

    /// <summary>Initializes a new instance of the <see cref="QualityWindow"/> class.</summary>
    /// <param name="task">The model task.</param>
    /// <param name="capacity">N, the number of most recent labels kept.</param>
    public QualityWindow(ModelTask task, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _task = task;
        _label = new double[capacity];
        _score = new double[capacity];
        _actual = new double[capacity];
    }

    /// <summary>Gets the number of labels in the window.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds a labelled prediction, evicting the oldest when full.</summary>
    /// <param name="output">The prediction.</param>
    /// <param name="actual">The true value.</param>
    public void Add(ModelOutput output, double actual)
    {
        lock (_lock)
        {
            _label[_next] = output.Label;
            _score[_next] = output.Score;
            _actual[_next] = actual;
            _next = (_next + 1) % _label.Length;
            _count = Math.Min(_count + 1, _label.Length);
            _version++;
        }
    }

    /// <summary>Computes the metrics over the window.</summary>
    /// <returns>The snapshot (all NaN and count 0 when empty).</returns>
    public QualitySnapshot Compute()
    {
        double[] label, score, actual;
        lock (_lock)
        {
            if (_cachedVersion == _version)
            {
                return _cached;
            }

            label = _label.AsSpan(0, _count).ToArray();
            score = _score.AsSpan(0, _count).ToArray();
            actual = _actual.AsSpan(0, _count).ToArray();
            _cachedVersion = _version;
        }

        var snapshot = _task == ModelTask.Regression ? Regression(label, actual) : Classification(label, score, actual);
        lock (_lock)
        {
            _cached = snapshot;
        }

        return snapshot;
    }

    /// <summary>Classification metrics of labels and scores against actual values.</summary>
    /// <param name="label">Predicted labels (0/1).</param>
    /// <param name="score">Scores (higher means class 1).</param>
    /// <param name="actual">Actual labels (0/1).</param>
    /// <returns>The snapshot; MAE and RMSE are NaN.</returns>
    public static QualitySnapshot Classification(ReadOnlySpan<double> label, ReadOnlySpan<double> score, ReadOnlySpan<double> actual)
    {
        var n = label.Length;
        if (n == 0)
        {
            return new QualitySnapshot(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        long tp = 0, fp = 0, fn = 0, correct = 0;
        for (var i = 0; i < n; i++)
        {
            var p = label[i] > 0.5;
            var a = actual[i] > 0.5;
            correct += p == a ? 1 : 0;
            tp += p && a ? 1 : 0;
            fp += p && !a ? 1 : 0;
            fn += !p && a ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new QualitySnapshot(n, (double)correct / n, precision, recall, f1, RocAuc(score, actual), double.NaN, double.NaN);
    }

    /// <summary>Regression metrics.</summary>
    /// <param name="predicted">Predicted values.</param>
    /// <param name="actual">Actual values.</param>
    /// <returns>The snapshot; classification metrics are NaN.</returns>
    public static QualitySnapshot Regression(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        var n = predicted.Length;
        if (n == 0)
        {
            return new QualitySnapshot(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double abs = 0, sq = 0;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predicted[i];
            abs += Math.Abs(e);
            sq += e * e;
        }

        return new QualitySnapshot(n, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, abs / n, Math.Sqrt(sq / n));
    }

    /// <summary>ROC AUC by the rank-sum formula: (R₁ - n₁(n₁+1)/2) / (n₁ n₀), ties at their average rank.</summary>
    /// <param name="score">Scores.</param>
    /// <param name="actual">Actual labels (0/1).</param>
    /// <returns>The AUC in [0, 1]; NaN when one class is absent.</returns>
    public static double RocAuc(ReadOnlySpan<double> score, ReadOnlySpan<double> actual)
    {
        var n = score.Length;
        var order = new int[n];
        var keys = score.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (actual[order[k]] > 0.5)
                {
                    positives++;
                    rankSum += rank;
                }
            }

            i = j + 1;
        }

        var negatives = n - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
