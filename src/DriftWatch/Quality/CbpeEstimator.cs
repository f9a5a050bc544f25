using System.Buffers;

namespace DriftWatch.Quality;

/// <summary>
/// Confidence-based performance estimation (CBPE) for a binary classifier: estimates accuracy, precision, recall,
/// specificity, F1 and ROC AUC of a window of predictions without labels, from the model's own calibrated confidence.
/// </summary>
/// <remarks>
/// <para>
/// Fit (reference rows with labels): decide by <see cref="CalibrationCheck"/> whether isotonic calibration lowers the
/// expected calibration error; if so refit the calibrator on the whole reference. Learn the sampling-error components
/// (<see cref="SamplingError"/>) and the alert thresholds: the realized metric on consecutive reference chunks of
/// <see cref="CbpeOptions.ChunkSize"/> rows (a trailing partial chunk is left out), mean ± k·σ (population σ, chunks
/// where the metric is undefined skipped), clipped to [0, 1].
/// </para>
/// <para>
/// Estimate (a chunk without labels), p̂ the calibrated probability of class 1 and ŷ the model's label: expected
/// TP = Σ_{ŷ=1} p̂, FP = Σ_{ŷ=1} (1 − p̂), FN = Σ_{ŷ=0} p̂, TN = Σ_{ŷ=0} (1 − p̂); the metrics follow from that matrix
/// (0 when a denominator is 0). ROC AUC: rows sorted by raw score descending; at each distinct score the cumulative
/// Σp̂ and Σ(1 − p̂) divided by their totals give a (TPR, FPR) point; the area is the trapezoid sum from (0, 0). Tied raw
/// scores form one step (NannyML orders ties arbitrarily and rounds the sums to 5 decimals; identical otherwise).
/// </para>
/// <para>
/// The estimate assumes P(y | x) is unchanged since the reference (covariate shift only). It cannot see concept drift:
/// when the relation between inputs and label changes, the estimate stays put while realized quality falls. Compare it
/// with the realized value once labels arrive.
/// </para>
/// <threadsafety>Immutable after fitting; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed class CbpeEstimator
{
    private static readonly CbpeMetric[] AllMetrics = Enum.GetValues<CbpeMetric>();

    private readonly IsotonicRegression? _calibrator;
    private readonly SamplingError _samplingError;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double _samplingErrorRange;

    private CbpeEstimator(
        CalibrationAssessment calibration,
        IsotonicRegression? calibrator,
        SamplingError samplingError,
        double[] lower,
        double[] upper,
        int referenceChunks,
        double samplingErrorRange)
    {
        Calibration = calibration;
        _calibrator = calibrator;
        _samplingError = samplingError;
        _lower = lower;
        _upper = upper;
        ReferenceChunks = referenceChunks;
        _samplingErrorRange = samplingErrorRange;
    }

    /// <summary>Gets the calibration decision made at fit time.</summary>
    public CalibrationAssessment Calibration { get; }

    /// <summary>Gets the isotonic calibrator, or <see langword="null"/> when the raw scores are used as probabilities.</summary>
    public IsotonicRegression? Calibrator => _calibrator;

    /// <summary>Gets the number of reference chunks behind the thresholds.</summary>
    public int ReferenceChunks { get; }

    /// <summary>Gets the alert thresholds of a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The lower and upper threshold.</returns>
    public (double Lower, double Upper) Thresholds(CbpeMetric metric) => (_lower[(int)metric], _upper[(int)metric]);

    /// <summary>Fits the estimator on labelled reference rows.</summary>
    /// <param name="scores">The model's raw scores for class 1, in [0, 1].</param>
    /// <param name="predicted">The model's predicted labels, each 0 or 1.</param>
    /// <param name="actual">The true labels, each 0 or 1.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>The fitted estimator.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a label is not 0/1, a score is outside [0, 1], or the
    /// reference holds fewer than two chunks.</exception>
    public static CbpeEstimator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, CbpeOptions? options = null)
    {
        CheckInputs(scores, predicted, actual);
        return Fit(scores, predicted, actual, CalibrationCheck.Assess(actual, scores), options ?? new CbpeOptions());
    }

    /// <summary>Fits with explicit calibration test sets (for reproducing another tool's splits).</summary>
    internal static CbpeEstimator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, IReadOnlyList<int[]> testSets, CbpeOptions? options = null)
    {
        CheckInputs(scores, predicted, actual);
        return Fit(scores, predicted, actual, CalibrationCheck.Assess(actual, scores, testSets), options ?? new CbpeOptions());
    }

    /// <summary>Estimates the metrics of a chunk without labels.</summary>
    /// <param name="scores">The model's raw scores for class 1, in [0, 1].</param>
    /// <param name="predicted">The model's predicted labels, each 0 or 1.</param>
    /// <returns>The estimates (<see cref="CbpeMetricEstimate.Realized"/> is <see langword="null"/>).</returns>
    /// <exception cref="ArgumentException">The lengths differ, the chunk is empty, a label is not 0/1 or a score is
    /// outside [0, 1].</exception>
    public CbpeEstimate Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted) => EstimateCore(scores, predicted, default, false);

    /// <summary>Estimates the metrics of a chunk and puts the realized values from labels next to them.</summary>
    /// <param name="scores">The model's raw scores for class 1, in [0, 1].</param>
    /// <param name="predicted">The model's predicted labels, each 0 or 1.</param>
    /// <param name="actual">The true labels, each 0 or 1.</param>
    /// <returns>The estimates with <see cref="CbpeMetricEstimate.Realized"/> filled in.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the chunk is empty, a label is not 0/1 or a score is
    /// outside [0, 1].</exception>
    public CbpeEstimate Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual)
    {
        if (actual.Length != scores.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} labels but scores has {scores.Length}.", nameof(actual));
        }

        return EstimateCore(scores, predicted, actual, true);
    }

    /// <summary>Computes the expected confusion matrix from calibrated probabilities and predicted labels.</summary>
    /// <param name="probabilities">The calibrated probabilities p̂ of class 1.</param>
    /// <param name="predicted">The predicted labels, each 0 or 1.</param>
    /// <returns>TP = Σ_{ŷ=1} p̂, FP = Σ_{ŷ=1} (1 − p̂), FN = Σ_{ŷ=0} p̂, TN = Σ_{ŷ=0} (1 − p̂).</returns>
    public static ConfusionMatrix ExpectedConfusion(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> predicted)
    {
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (predicted[i] == 1)
            {
                tp += p;
                fp += 1 - p;
            }
            else
            {
                fn += p;
                tn += 1 - p;
            }
        }

        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    /// <summary>Estimates ROC AUC from calibrated probabilities ordered by raw score.</summary>
    /// <param name="probabilities">The calibrated probabilities p̂ of class 1.</param>
    /// <param name="rawScores">The raw scores that order the rows.</param>
    /// <returns>The estimated area; NaN when Σp̂ or Σ(1 − p̂) is 0.</returns>
    /// <remarks>See the class remarks for the construction.</remarks>
    public static double EstimateRocAuc(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> rawScores)
    {
        var n = probabilities.Length;
        var order = ArrayPool<int>.Shared.Rent(n);
        var keys = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
                keys[i] = -rawScores[i];
            }

            Array.Sort(keys, order, 0, n);
            double totalTp = 0, totalFp = 0;
            for (var i = 0; i < n; i++)
            {
                totalTp += probabilities[i];
                totalFp += 1 - probabilities[i];
            }

            if (totalTp <= 0 || totalFp <= 0)
            {
                return double.NaN;
            }

            double tp = 0, fp = 0, prevTpr = 0, prevFpr = 0, area = 0;
            for (var k = 0; k < n; k++)
            {
                var p = probabilities[order[k]];
                tp += p;
                fp += 1 - p;
                if (k + 1 < n && keys[k + 1] == keys[k])
                {
                    continue;
                }

                var tpr = tp / totalTp;
                var fpr = fp / totalFp;
                area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
                prevTpr = tpr;
                prevFpr = fpr;
            }

            return area;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<double>.Shared.Return(keys);
        }
    }

    /// <summary>Computes the realized metrics from labels (ROC AUC from the raw scores; NaN with a single class).</summary>
    internal static double Realized(CbpeMetric metric, ConfusionMatrix confusion, ReadOnlySpan<int> actual, ReadOnlySpan<double> scores) => metric switch
    {
        CbpeMetric.Accuracy => confusion.Accuracy,
        CbpeMetric.Precision => confusion.Precision,
        CbpeMetric.Recall => confusion.Recall,
        CbpeMetric.Specificity => confusion.Specificity,
        CbpeMetric.F1 => confusion.F1,
        _ => ClassificationMetrics.RocAuc(actual, scores),
    };

    private static double FromConfusion(CbpeMetric metric, ConfusionMatrix confusion) => metric switch
    {
        CbpeMetric.Accuracy => confusion.Accuracy,
        CbpeMetric.Precision => confusion.Precision,
        CbpeMetric.Recall => confusion.Recall,
        CbpeMetric.Specificity => confusion.Specificity,
        CbpeMetric.F1 => confusion.F1,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "ROC AUC is not a function of the confusion matrix."),
    };

    private static CbpeEstimator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, CalibrationAssessment calibration, CbpeOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 2);
        if (!double.IsFinite(options.ThresholdStandardDeviations) || options.ThresholdStandardDeviations < 0)
        {
            throw new ArgumentException($"ThresholdStandardDeviations must be finite and non-negative; got {options.ThresholdStandardDeviations}.", nameof(options));
        }

        if (!double.IsFinite(options.SamplingErrorRange) || options.SamplingErrorRange < 0)
        {
            throw new ArgumentException($"SamplingErrorRange must be finite and non-negative; got {options.SamplingErrorRange}.", nameof(options));
        }

        var chunks = scores.Length / options.ChunkSize;
        if (chunks < 2)
        {
            throw new ArgumentException(
                $"the reference has {scores.Length} rows: fewer than two chunks of {options.ChunkSize}; lower ChunkSize or add rows.", nameof(scores));
        }

        var calibrator = calibration.NeedsCalibration ? IsotonicRegression.Fit(scores, ToDouble(actual)) : null;
        var samplingError = SamplingError.Fit(actual, predicted, scores);

        var lower = new double[AllMetrics.Length];
        var upper = new double[AllMetrics.Length];
        var values = new double[AllMetrics.Length][];
        for (var m = 0; m < AllMetrics.Length; m++)
        {
            values[m] = new double[chunks];
        }

        for (var c = 0; c < chunks; c++)
        {
            var range = new Range(c * options.ChunkSize, (c + 1) * options.ChunkSize);
            var a = actual[range];
            var s = scores[range];
            var confusion = ClassificationMetrics.Confusion(a, predicted[range]);
            foreach (var metric in AllMetrics)
            {
                values[(int)metric][c] = Realized(metric, confusion, a, s);
            }
        }

        foreach (var metric in AllMetrics)
        {
            var (mean, std) = MeanStd(values[(int)metric]);
            var k = options.ThresholdStandardDeviations;
            lower[(int)metric] = Math.Max(0.0, mean - (k * std));
            upper[(int)metric] = Math.Min(1.0, mean + (k * std));
        }

        return new CbpeEstimator(calibration, calibrator, samplingError, lower, upper, chunks, options.SamplingErrorRange);
    }

    private static (double Mean, double Std) MeanStd(double[] values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        if (count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var mean = sum / count;
        double ss = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }

        return (mean, Math.Sqrt(ss / count));
    }

    private static double[] ToDouble(ReadOnlySpan<int> labels)
    {
        var result = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            result[i] = labels[i];
        }

        return result;
    }

    private static void CheckInputs(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual)
    {
        if (actual.Length != scores.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} labels but scores has {scores.Length}.", nameof(actual));
        }

        CheckScores(scores, predicted);
        for (var i = 0; i < actual.Length; i++)
        {
            ClassificationMetrics.CheckLabel(actual[i], nameof(actual), i);
        }
    }

    private static void CheckScores(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted)
    {
        if (predicted.Length != scores.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} labels but scores has {scores.Length}.", nameof(predicted));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new ArgumentException($"scores[{i}] is {scores[i]}; scores must be probabilities in [0, 1].", nameof(scores));
            }

            ClassificationMetrics.CheckLabel(predicted[i], nameof(predicted), i);
        }
    }

    private CbpeEstimate EstimateCore(ReadOnlySpan<double> scores, ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, bool hasLabels)
    {
        CheckScores(scores, predicted);
        if (scores.Length == 0)
        {
            throw new ArgumentException("the chunk holds no rows.", nameof(scores));
        }

        var n = scores.Length;
        var probabilities = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var p = probabilities.AsSpan(0, n);
            if (_calibrator is null)
            {
                scores.CopyTo(p);
            }
            else
            {
                _calibrator.Predict(scores, p);
            }

            var expected = ExpectedConfusion(p, predicted);
            var realizedConfusion = hasLabels ? ClassificationMetrics.Confusion(actual, predicted) : default;
            var metrics = new CbpeMetricEstimate[AllMetrics.Length];
            foreach (var metric in AllMetrics)
            {
                var value = metric == CbpeMetric.RocAuc ? EstimateRocAuc(p, scores) : FromConfusion(metric, expected);
                var se = _samplingError.For(metric, n);
                var lo = _lower[(int)metric];
                var hi = _upper[(int)metric];
                metrics[(int)metric] = new CbpeMetricEstimate(
                    metric,
                    value,
                    se,
                    Math.Max(0.0, value - (_samplingErrorRange * se)),
                    Math.Min(1.0, value + (_samplingErrorRange * se)),
                    lo,
                    hi,
                    value < lo || value > hi,
                    hasLabels ? Realized(metric, realizedConfusion, actual, scores) : null);
            }

            return new CbpeEstimate(n, expected, metrics);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(probabilities);
        }
    }
}
