using DriftWatch.Serving.Storage;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary>
/// A store that says it is shared (<c>postgres</c>) and, like a database another replica has not committed to yet,
/// does not see a prediction during the first <see cref="HiddenLookups"/> feedback lookups.
/// </summary>
internal sealed class LaggingSharedStore(IPredictionStore inner, int hiddenLookups) : IPredictionStore
{
    private int _lookups;

    public int HiddenLookups => hiddenLookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public string Provider => "postgres";

    public async Task<FeedbackOutcome[]> RecordFeedbackAsync(string model, IReadOnlyList<FeedbackItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _lookups) <= hiddenLookups)
        {
            return [.. items.Select(_ => new FeedbackOutcome(FeedbackStatus.UnknownId, default, default, double.NaN))];
        }

        return await inner.RecordFeedbackAsync(model, items, receivedAt, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task WritePredictionsAsync(IReadOnlyList<PendingPrediction> predictions, CancellationToken cancellationToken = default) =>
        inner.WritePredictionsAsync(predictions, cancellationToken);

    public Task<StoredPrediction?> FindPredictionAsync(string id, CancellationToken cancellationToken = default) => inner.FindPredictionAsync(id, cancellationToken);

    public Task<(long Predictions, long Labels)> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<long> PruneAsync(long maxRows, DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        inner.PruneAsync(maxRows, olderThan, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default) => inner.GetStateAsync(key, cancellationToken);

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => inner.PutStateAsync(key, value, cancellationToken);

    public Task<bool> DeleteStateAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteStateAsync(key, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
