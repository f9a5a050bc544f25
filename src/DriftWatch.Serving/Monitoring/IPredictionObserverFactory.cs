using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>Creates the observer of each served model; register implementations in dependency injection.</summary>
/// <remarks>
/// The service calls <see cref="Create"/> once per model when the model is loaded (at start-up or on reload), so
/// per-model state (windows, detectors) lives in the observer and the hot path needs no lookup.
/// </remarks>
public interface IPredictionObserverFactory
{
    /// <summary>Gets a short name for logs and the <c>observer</c> label of <c>driftwatch_monitor_errors_total</c>.</summary>
    string Name { get; }

    /// <summary>Creates the observer of one model.</summary>
    /// <param name="model">The model and its reference data.</param>
    /// <returns>The observer, or <see langword="null"/> to not watch this model.</returns>
    IPredictionObserver? Create(ServedModel model);
}
