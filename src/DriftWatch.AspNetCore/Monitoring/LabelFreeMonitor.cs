using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Statistics;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>
/// The label-free monitor of one model: keeps the last <see cref="WindowSize"/> served rows and scores, and evaluates
/// them with a <see cref="LabelFreeEvaluator"/> (CBPE, reconstruction drift, outliers, explained ranking) when
/// <see cref="LabelFreeEvaluationHostedService"/> ticks, into an immutable <see cref="Latest"/> snapshot that readers
/// (the metrics scrape, the drift snapshot, the overview page) only read.
/// </summary>
/// <remarks>
/// Hot path: <see cref="OnPredictions"/> copies each row's cells into preallocated ring buffers under a short lock:
/// O(features) per row, no allocation. The evaluator is fitted on the first evaluation once the window holds
/// <see cref="MinimumRows"/> rows (scoring the reference and the permutation importances take about a second for the
/// default model); fit and evaluation run on the timer's thread, never on a request or a scrape. Outliers are counted once per row: at each evaluation, among the rows that arrived since the previous
/// one (rows that left the window before an evaluation are not scored).
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed class LabelFreeMonitor : IPredictionObserver
{
    /// <summary>The rows kept for evaluation.</summary>
    public const int WindowSize = 5_000;

    /// <summary>Rows needed before a window is evaluated.</summary>
    public const int MinimumRows = 50;

    /// <summary>Reference label columns looked for, in order, when the model has no configured <see cref="ServedModel.LabelColumn"/>.</summary>
    internal static readonly string[] LabelColumns = [.. ReferenceValidator.LabelColumns];

    private readonly Lock _gate = new();
    private readonly Lock _evaluation = new();
    private readonly ServedModel _served;
    private readonly FeatureSchema[] _features;
    private readonly double[] _numbers;
    private readonly string?[] _strings;
    private readonly double[] _scores;
    private long _rows;
    private long _evaluatedRows;
    private long _outliers;
    private long _evaluations;
    private LabelFreeEvaluator? _evaluator;
    private string? _fitError;
    private LabelFreeSnapshot? _latest;
    private Dataset? _featureReference;

    public LabelFreeMonitor(ServedModel served)
    {
        _served = served;
        _features = [.. served.Model.Schema.Features];
        _numbers = new double[WindowSize * _features.Length];
        _strings = new string?[WindowSize * _features.Length];
        _scores = new double[WindowSize];
    }

    /// <summary>Gets the served model's name.</summary>
    public string Model => _served.Name;

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

    /// <summary>Gets the latest evaluation; reading it never evaluates.</summary>
    /// <value>The snapshot, or <see langword="null"/> before the first evaluation (no tick yet, fewer than
    /// <see cref="MinimumRows"/> rows, or no evaluator could be fitted).</value>
    public LabelFreeSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>Gets the number of completed evaluations (snapshots published).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>
    /// Evaluates the window now and publishes the result as <see cref="Latest"/>: what each tick of
    /// <see cref="LabelFreeEvaluationHostedService"/> does. Fits the evaluator first when it is not fitted yet.
    /// </summary>
    /// <returns>The new snapshot, or the previous one (possibly <see langword="null"/>) when there are fewer than
    /// <see cref="MinimumRows"/> rows or no evaluator could be fitted.</returns>
    /// <remarks>Evaluations run one at a time; a concurrent call waits for the running one. Exceptions other than the
    /// expected fit failures propagate to the caller (the timer counts and logs them) and leave <see cref="Latest"/>
    /// unchanged.</remarks>
    internal LabelFreeSnapshot? EvaluateNow()
    {
        lock (_evaluation)
        {
            // The fit (about a second for the default model) waits for rows, so an idle service never pays it.
            if (Interlocked.Read(ref _rows) < MinimumRows || Evaluator() is not { } evaluator)
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

            Volatile.Write(ref _latest, snapshot);
            Interlocked.Increment(ref _evaluations);
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
            // The configured label column (checked and made numeric at load), else the first guessed name holding numbers.
            var label = _served.LabelColumn ?? LabelColumns.FirstOrDefault(n => reference.Find(n)?.Numbers is not null);
            var labels = label is null ? null : reference.Find(label)?.Numbers;
            double[] scores = [];
            int[] binary = [];
            IReadOnlyList<FeatureImportance>? importances = null;
            if (_served.Model.Task == ModelTask.BinaryClassification && labels is not null)
            {
                scores = ModelFeatureImportance.Predict(_served.Model, reference);
                binary = [.. labels.Select(v => v > 0.5 ? 1 : 0)];
                var sample = Head(reference, Math.Min(reference.RowCount, 2_000));
                importances = ModelFeatureImportance.Compute(_served.Model, sample, label!, new PermutationImportanceOptions { Repeats = 3 });
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
