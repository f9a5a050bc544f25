using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The model SLIs of one model: the quality window and the fleet-mergeable labelled counters.</summary>
/// <remarks>
/// <c>correct</c>/<c>incorrect</c> counters (classification) and absolute/squared error sums (regression) let Prometheus
/// compute fleet-wide accuracy, MAE and RMSE from <c>sum(increase(...))</c>; the gauges are per replica.
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed class QualityMonitor : IPredictionObserver
{
    private readonly Lock _lock = new();
    private long _correct;
    private long _incorrect;
    private double _absoluteError;
    private double _squaredError;

    public QualityMonitor(ModelTask task, int window)
    {
        Task = task;
        Window = new QualityWindow(task, window);
    }

    public ModelTask Task { get; }

    public QualityWindow Window { get; }

    public long Correct => Interlocked.Read(ref _correct);

    public long Incorrect => Interlocked.Read(ref _incorrect);

    public (double Absolute, double Squared) Errors
    {
        get
        {
            lock (_lock)
            {
                return (_absoluteError, _squaredError);
            }
        }
    }

    public void OnPredictions(PredictionBatch batch)
    {
    }

    public void OnLabels(ReadOnlySpan<LabelledPrediction> labels)
    {
        foreach (var l in labels)
        {
            Window.Add(l.Output, l.Actual);
            if (Task == ModelTask.BinaryClassification)
            {
                Interlocked.Increment(ref l.IsCorrect ? ref _correct : ref _incorrect);
            }
            else
            {
                var e = l.Actual - l.Output.Label;
                lock (_lock)
                {
                    _absoluteError += Math.Abs(e);
                    _squaredError += e * e;
                }
            }
        }
    }
}
