using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Storage;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The service's instruments on the <c>DriftWatch</c> meter (names as DESIGN.md lists them after translation).</summary>
/// <remarks>
/// Request-path instruments (<see cref="Predictions"/>, <see cref="Duration"/>, ...) are recorded with pre-built
/// <c>model</c>/<c>model_version</c> tags (the two-tag overloads do not allocate). Per-feature and quality series are
/// observable instruments that read the monitors' counters at scrape time, so the request path only bumps integers.
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed partial class DriftWatchMetrics
{
    /// <summary>Explicit bucket bounds of the prediction latency histogram, in seconds (100 µs to 5 s).</summary>
    public static readonly double[] DurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly ModelRegistry _registry;
    private readonly PredictionWriter _writer;

    public DriftWatchMetrics(IMeterFactory meterFactory, ModelRegistry registry, PredictionWriter writer)
    {
        _registry = registry;
        _writer = writer;
        var meter = meterFactory.Create(DriftWatchConstants.MeterName);
        Predictions = meter.CreateCounter<long>("driftwatch.predictions", "{prediction}", "Predictions served (one per instance).");
        Duration = meter.CreateHistogram(
            "driftwatch.prediction.duration",
            "s",
            "Time to answer a predict request, from parsed body to response.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Errors = meter.CreateCounter<long>("driftwatch.prediction.errors", "{error}", "Failed predict requests by reason.");
        Feedback = meter.CreateCounter<long>("driftwatch.feedback", "{label}", "Feedback items accepted, by status (stored, duplicate).");
        MonitorErrors = meter.CreateCounter<long>("driftwatch.monitor.errors", "{error}", "Exceptions thrown by monitors, observing a request or label or evaluating on a timer; serving went on.");
        meter.CreateObservableCounter("driftwatch.predictions.shed", () => _writer.Shed, "{prediction}", "Predictions not stored because the writer queue was full.");
        meter.CreateObservableCounter("driftwatch.store.failures", () => _writer.Failed, "{prediction}", "Predictions the store refused.");
        CreateQualityInstruments(meter);
        CreateInputInstruments(meter);
    }

    public Counter<long> Predictions { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> Errors { get; }

    public Counter<long> Feedback { get; }

    public Counter<long> MonitorErrors { get; }

    /// <summary>Counts one exception thrown by a monitor in <c>driftwatch_monitor_errors_total{model, observer}</c>.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="observer">The monitor: an observer's name, or <c>drift</c> / <c>label-free</c> for their timed evaluations.</param>
    public void MonitorFailed(string model, string observer) =>
        MonitorErrors.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("observer", observer));
}
