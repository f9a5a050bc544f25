namespace DriftWatch.Serving.Storage;

/// <summary>A small durable key-value table for state that must survive a restart (reference data, detector snapshots).</summary>
/// <remarks>
/// Keys are free text (suggested form <c>component/model/what</c>, e.g. <c>reference/credit-risk</c>); values are opaque bytes.
/// A put is committed before its task completes. With PostgreSQL every replica sees the same table.
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
public interface IStateStore
{
    /// <summary>Reads a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes (inserts or replaces) a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the value is committed.</returns>
    Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when a value was deleted.</returns>
    Task<bool> DeleteStateAsync(string key, CancellationToken cancellationToken = default);
}
