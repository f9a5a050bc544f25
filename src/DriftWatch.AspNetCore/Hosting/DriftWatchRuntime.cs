using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>What the endpoints need, in one singleton: models, store, writer, metrics, clock, options.</summary>
/// <remarks><threadsafety>Thread-safe.</threadsafety></remarks>
internal sealed partial class DriftWatchRuntime
{
    public DriftWatchRuntime(
        ModelRegistry registry,
        IPredictionStore store,
        PredictionWriter writer,
        DriftWatchMetrics metrics,
        TimeProvider timeProvider,
        IOptions<DriftWatchOptions> options,
        ILogger<DriftWatchRuntime> logger)
    {
        Registry = registry;
        Store = store;
        Writer = writer;
        Metrics = metrics;
        TimeProvider = timeProvider;
        Options = options.Value;
        Logger = logger;
    }

    public ModelRegistry Registry { get; }

    public IPredictionStore Store { get; }

    public PredictionWriter Writer { get; }

    public DriftWatchMetrics Metrics { get; }

    public TimeProvider TimeProvider { get; }

    public DriftWatchOptions Options { get; }

    public ILogger Logger { get; }

    /// <summary>Hands a predict request to every observer of the model; a failing observer is logged and counted.</summary>
    public void ObservePredictions(ModelEntry entry, PredictionBatch batch)
    {
        foreach (var (name, observer) in entry.Observers)
        {
            try
            {
                observer.OnPredictions(batch);
            }
#pragma warning disable CA1031 // Monitoring never breaks serving: any observer failure is caught, logged and counted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ObserverFailed(entry, name, ex);
            }
        }
    }

    /// <summary>Hands newly stored labels to every observer of the model; a failing observer is logged and counted.</summary>
    public void ObserveLabels(ModelEntry entry, ReadOnlySpan<LabelledPrediction> labels)
    {
        foreach (var (name, observer) in entry.Observers)
        {
            try
            {
                observer.OnLabels(labels);
            }
#pragma warning disable CA1031 // Monitoring never breaks serving: any observer failure is caught, logged and counted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ObserverFailed(entry, name, ex);
            }
        }
    }

    /// <summary>Logs and counts a monitor failure outside the request observers (a drift evaluation a request asked for).</summary>
    public void MonitorFailed(string model, string observer, Exception ex)
    {
        Metrics.MonitorFailed(model, observer);
        Log.ObserverFailed(Logger, observer, model, ex);
    }

    private void ObserverFailed(ModelEntry entry, string observer, Exception ex)
    {
        Metrics.MonitorErrors.Add(1, entry.ModelTag, new KeyValuePair<string, object?>("observer", observer));
        Log.ObserverFailed(Logger, observer, entry.Model.Name, ex);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Observer {Observer} failed on model {Model}; serving continues.")]
        public static partial void ObserverFailed(ILogger logger, string observer, string model, Exception exception);
    }
}
