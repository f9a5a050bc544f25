using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>Watches every model with a reference for drift, through the <see cref="DriftMonitorRegistry"/>.</summary>
/// <remarks><threadsafety>Thread-safe.</threadsafety></remarks>
public sealed class DriftObserverFactory : IPredictionObserverFactory
{
    /// <summary>The observer name in logs and in <c>driftwatch_monitor_errors_total{observer}</c>.</summary>
    public const string ObserverName = "drift";

    private readonly DriftMonitorRegistry _registry;

    /// <summary>Initializes a new instance of the <see cref="DriftObserverFactory"/> class.</summary>
    /// <param name="registry">The registry the monitors live in.</param>
    public DriftObserverFactory(DriftMonitorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <inheritdoc/>
    public string Name => ObserverName;

    /// <inheritdoc/>
    public IPredictionObserver? Create(ServedModel model) =>

        // Called once per model at load time, off the request path; the store read is short.
        _registry.AttachAsync(model).GetAwaiter().GetResult();
}
