namespace DriftWatch.Serving.Storage;

/// <summary>Durable predictions and labels (and the <see cref="IStateStore"/> table).</summary>
/// <remarks><threadsafety>Thread-safe.</threadsafety></remarks>
public interface IPredictionStore : IStateStore, IAsyncDisposable
{
    /// <summary>Gets the provider name: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>Creates the tables when absent.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes predictions in one transaction (ids already present are skipped).</summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once committed.</returns>
    Task WritePredictionsAsync(IReadOnlyList<PendingPrediction> predictions, CancellationToken cancellationToken = default);

    /// <summary>Stores labels, all or nothing.</summary>
    /// <remarks>
    /// Each item is checked in one transaction: an unknown id (for this model) or a label different from one already
    /// stored rolls the whole call back; the same label again is a no-op (<see cref="FeedbackStatus.Duplicate"/>).
    /// The task completes after the commit.
    /// </remarks>
    /// <param name="model">The model the feedback is for.</param>
    /// <param name="items">The labels.</param>
    /// <param name="receivedAt">When the feedback arrived.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One outcome per item, in order.</returns>
    Task<FeedbackOutcome[]> RecordFeedbackAsync(string model, IReadOnlyList<FeedbackItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Reads one prediction and its label.</summary>
    /// <param name="id">The prediction id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction, or <see langword="null"/>.</returns>
    Task<StoredPrediction?> FindPredictionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Counts stored predictions and labels.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts.</returns>
    Task<(long Predictions, long Labels)> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the oldest predictions (and their labels) beyond a row count or older than a time.</summary>
    /// <param name="maxRows">Predictions to keep at most.</param>
    /// <param name="olderThan">Predictions made before this are deleted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of predictions deleted.</returns>
    Task<long> PruneAsync(long maxRows, DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Checks the store answers.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when a trivial query succeeds.</returns>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
