namespace DriftWatch.Serving.Monitoring;

/// <summary>Watches one model: sees every prediction batch and every newly stored label.</summary>
/// <remarks>
/// Created per model by an <see cref="IPredictionObserverFactory"/>. <see cref="OnPredictions"/> runs on the request
/// path after the model answered: it must be O(features) per row, hold no lock across I/O and not allocate per value.
/// <see cref="OnLabels"/> runs after the labels are committed and before the feedback response is sent. Exceptions
/// are caught, logged and counted (<c>driftwatch_monitor_errors_total</c>) by the caller and never reach the client.
/// <threadsafety>Implementations must be safe to call from several threads at once.</threadsafety>
/// </remarks>
public interface IPredictionObserver
{
    /// <summary>Observes one predict request.</summary>
    /// <param name="batch">The inputs, outputs and ids.</param>
    void OnPredictions(PredictionBatch batch);

    /// <summary>Observes labels that were just stored (duplicates of earlier feedback are not repeated).</summary>
    /// <param name="labels">The labelled predictions.</param>
    void OnLabels(ReadOnlySpan<LabelledPrediction> labels);
}
