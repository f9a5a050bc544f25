using System.Buffers;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>Feeds one model's predictions and labels to its <see cref="DriftMonitor"/> (which a reference replacement swaps).</summary>
/// <remarks>
/// Per request: one pooled array for the scores, then <see cref="DriftMonitor.Observe"/> over the batch's row-major
/// cells, which are laid out as the monitor expects (the model schema's order).
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
public sealed class ModelDriftObserver : IPredictionObserver
{
    private DriftMonitor _monitor;

    internal ModelDriftObserver(ServedModel model, DriftMonitor monitor)
    {
        Model = model;
        _monitor = monitor;
    }

    /// <summary>Gets the model watched.</summary>
    public ServedModel Model { get; }

    /// <summary>Gets the current monitor.</summary>
    public DriftMonitor Monitor => Volatile.Read(ref _monitor);

    /// <inheritdoc/>
    public void OnPredictions(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var count = batch.Count;
        var scores = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var outputs = batch.Outputs.Span;
            for (var i = 0; i < count; i++)
            {
                scores[i] = i < outputs.Length ? outputs[i].Score : double.NaN;
            }

            Monitor.Observe(batch.Features.Numbers, batch.Features.Strings, count, scores.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <inheritdoc/>
    public void OnLabels(ReadOnlySpan<LabelledPrediction> labels)
    {
        var monitor = Monitor;
        foreach (var label in labels)
        {
            monitor.ObserveOutcome(label.Output.Label, label.Actual);
        }
    }

    internal void Replace(DriftMonitor monitor) => Volatile.Write(ref _monitor, monitor);
}
