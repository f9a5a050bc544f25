using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Statistics;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>
/// The label-free monitor of one model: keeps the last <see cref="WindowSize"/> served rows and scores, and evaluates
/// them with a <see cref="LabelFreeEvaluator"/> (CBPE, reconstruction drift, outliers, explained ranking) at most once per
/// <see cref="EvaluationInterval"/>, when a scrape reads it.
/// </summary>
/// <remarks>
/// Hot path: <see cref="OnPredictions"/> copies each row's cells into preallocated ring buffers under a short lock:
/// O(features) per row, no allocation. The evaluator is fitted on the first evaluation (scoring the reference and the
/// permutation importances take about a second for the default model), and evaluation runs on the scraping thread, never
/// on a request. Outliers are counted once per row: at each evaluation, among the rows that arrived since the previous
/// one (rows that left the window before an evaluation are not scored).
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed class LabelFreeMonitor : IPredictionObserver
{
    /// <summary>The rows kept for evaluation.</summary>
    public const int WindowSize = 5_000;

    /// <summary>Rows needed before a window is evaluated.</summary>
    public const int MinimumRows = 50;

    /// <summary>Reference label columns looked for, in order.</summary>
    internal static readonly string[] LabelColumns = ["default", "label", "target"];

    private readonly Lock _gate = new();
    private readonly Lock _evaluation = new();
    private readonly ServedModel _served;
    private readonly TimeProvider _time;
    private readonly FeatureSchema[] _features;
    private readonly double[] _numbers;
    private readonly string?[] _strings;
    private readonly double[] _scores;
    private long _rows;
    private long _evaluatedRows;
    private long _outliers;
    private DateTimeOffset _evaluatedAt = DateTimeOffset.MinValue;
    private LabelFreeEvaluator? _evaluator;
    private string? _fitError;
    private LabelFreeSnapshot? _latest;
    private Dataset? _featureReference;

    public LabelFreeMonitor(ServedModel served, TimeProvider time, TimeSpan evaluationInterval)
    {
        _served = served;
        _time = time;
        EvaluationInterval = evaluationInterval;
        _features = [.. served.Model.Schema.Features];
        _numbers = new double[WindowSize * _features.Length];
        _strings = new string?[WindowSize * _features.Length];
        _scores = new double[WindowSize];
    }

    public TimeSpan EvaluationInterval { get; }

    /// <summary>Gets the outliers counted so far.</summary>
    public long Outliers => Interlocked.Read(ref _outliers);

    public void OnPredictions(PredictionBatch batch)
    {
        var features = batch.Features;
        var width = _features.Length;
        var outputs = batch.Outputs.Span;
        lock (_gate)
        {
            for (var r = 0; r < batch.Count; r++)
            {
                var slot = (int)(_rows % WindowSize);
                for (var f = 0; f < width; f++)
                {
                    _numbers[(slot * width) + f] = features.GetNumber(r, f);
                    _strings[(slot * width) + f] = features.GetString(r, f);
                }

                _scores[slot] = outputs[r].Score;
                _rows++;
            }
        }
    }

    public void OnLabels(ReadOnlySpan<LabelledPrediction> labels)
    {
    }

    /// <summary>Gets the latest evaluation, evaluating first when the last one is older than <see cref="EvaluationInterval"/>.</summary>
    /// <returns>The snapshot, or <see langword="null"/> when nothing could be evaluated yet (no rows, or no reference).</returns>
    public LabelFreeSnapshot? Latest()
    {
        lock (_evaluation)
        {
            var now = _time.GetUtcNow();
            if (_latest is not null && now - _evaluatedAt < EvaluationInterval)
            {
                return _latest;
            }

            _evaluatedAt = now;
            var evaluator = Evaluator();
            if (evaluator is null)
            {
                return null;
            }

            if (Interlocked.Read(ref _rows) < MinimumRows)
            {
                return _latest;
            }

            var (window, scores, fresh) = Copy();
            DriftReport? report = null;
            try
            {
                report = DriftAnalyzer.Analyze(_featureReference!, window);
            }
            catch (Exception ex) when (ex is DriftAnalysisException or DriftMethodException or ArgumentException)
            {
                // The ranking is left out; estimation and reconstruction still run.
            }

            var snapshot = evaluator.Evaluate(window, scores, report);
            if (snapshot.Reconstruction is { } reconstruction && fresh > 0)
            {
                var errors = evaluator.Reconstruction.RowErrors(Tail(window, fresh));
                Interlocked.Add(ref _outliers, errors.Count(e => e > reconstruction.OutlierThreshold));
            }

            _latest = snapshot;
            return snapshot;
        }
    }

    private LabelFreeEvaluator? Evaluator()
    {
        if (_evaluator is not null || _fitError is not null || _served.Reference is not { } reference)
        {
            return _evaluator;
        }

        try
        {
            var names = _features.Select(f => f.Name).ToArray();
            _featureReference = reference with { Columns = [.. reference.Columns.Where(c => names.Contains(c.Name, StringComparer.Ordinal))] };
            var labels = LabelColumns.Select(reference.Find).FirstOrDefault(c => c?.Numbers is not null)?.Numbers;
            double[] scores = [];
            int[] binary = [];
            IReadOnlyList<FeatureImportance>? importances = null;
            if (_served.Model.Task == ModelTask.BinaryClassification && labels is not null)
            {
                scores = ModelFeatureImportance.Predict(_served.Model, reference);
                binary = [.. labels.Select(v => v > 0.5 ? 1 : 0)];
                var label = LabelColumns.First(n => reference.Find(n)?.Numbers is not null);
                var sample = Head(reference, Math.Min(reference.RowCount, 2_000));
                importances = ModelFeatureImportance.Compute(_served.Model, sample, label, new PermutationImportanceOptions { Repeats = 3 });
            }

            var chunk = Math.Clamp(reference.RowCount / 10, 2, WindowSize);
            _evaluator = LabelFreeEvaluator.Fit(reference, names, scores, binary, importances, new LabelFreeOptions { ChunkSize = chunk });
        }
        catch (Exception ex) when (ex is DriftAnalysisException or ArgumentException)
        {
            _fitError = ex.Message;
        }

        return _evaluator;
    }

    private (Dataset Window, double[] Scores, int Fresh) Copy()
    {
        var width = _features.Length;
        int count, fresh;
        double[] numbers, scores;
        string?[] strings;
        lock (_gate)
        {
            count = (int)Math.Min(_rows, WindowSize);
            fresh = (int)Math.Min(_rows - _evaluatedRows, count);
            _evaluatedRows = _rows;
            numbers = new double[count * width];
            strings = new string?[count * width];
            scores = new double[count];

            // Oldest first: the ring starts at _rows % WindowSize once full.
            var start = _rows > WindowSize ? (int)(_rows % WindowSize) : 0;
            for (var i = 0; i < count; i++)
            {
                var slot = (start + i) % WindowSize;
                Array.Copy(_numbers, slot * width, numbers, i * width, width);
                Array.Copy(_strings, slot * width, strings, i * width, width);
                scores[i] = _scores[slot];
            }
        }

        var columns = new DatasetColumn[width];
        for (var f = 0; f < width; f++)
        {
            if (_features[f].Kind == FeatureKind.Categorical)
            {
                var values = new string?[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = strings[(i * width) + f];
                }

                columns[f] = new DatasetColumn(_features[f].Name, ValueKind.String, null, values);
            }
            else
            {
                var values = new double[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = numbers[(i * width) + f];
                }

                columns[f] = new DatasetColumn(_features[f].Name, ValueKind.Float, values, null);
            }
        }

        return (new Dataset($"{_served.Name} window", columns), scores, fresh);
    }

    private static Dataset Head(Dataset data, int rows) =>
        data with { Columns = [.. data.Columns.Select(c => c with { Numbers = c.Numbers?[..rows], Strings = c.Strings?[..rows] })] };

    private static Dataset Tail(Dataset data, int rows)
    {
        var n = data.RowCount;
        return data with { Columns = [.. data.Columns.Select(c => c with { Numbers = c.Numbers?[(n - rows)..], Strings = c.Strings?[(n - rows)..] })] };
    }
}
