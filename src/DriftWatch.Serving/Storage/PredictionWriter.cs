using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DriftWatch.Serving.Storage;

/// <summary>Moves predictions from requests to the store through a bounded queue, never blocking a request.</summary>
/// <remarks>
/// <see cref="TryEnqueue"/> is a non-blocking <see cref="ChannelWriter{T}.TryWrite"/>: when the queue is full the
/// prediction is shed and counted in <see cref="Shed"/> (exported as <c>driftwatch_predictions_shed_total</c>).
/// <see cref="RunAsync"/> drains the queue in batches of up to <see cref="MaxBatch"/> rows, one transaction each;
/// a batch the store refuses twice is dropped and counted in <see cref="Failed"/>.
/// <threadsafety>Thread-safe: many producers, one consumer (<see cref="RunAsync"/>).</threadsafety>
/// </remarks>
public sealed partial class PredictionWriter
{
    /// <summary>The most rows written in one transaction.</summary>
    public const int MaxBatch = 2048;

    private readonly Channel<WriterItem> _channel;
    private readonly IPredictionStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _shed;
    private long _written;
    private long _failed;

    /// <summary>Initializes a new instance of the <see cref="PredictionWriter"/> class.</summary>
    /// <param name="store">The store.</param>
    /// <param name="capacity">The queue capacity in rows.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock for retry delays.</param>
    public PredictionWriter(IPredictionStore store, int capacity, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _store = store;
        _logger = logger;
        _timeProvider = timeProvider;
        _channel = Channel.CreateBounded<WriterItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Gets the number of predictions shed because the queue was full.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>Gets the number of predictions written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Gets the number of predictions the store refused.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets the number of predictions waiting.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues a prediction without waiting.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns><see langword="false"/> when the queue was full and the prediction was shed.</returns>
    public bool TryEnqueue(in PendingPrediction prediction)
    {
        if (_channel.Writer.TryWrite(new WriterItem(prediction, null)))
        {
            return true;
        }

        Interlocked.Increment(ref _shed);
        return false;
    }

    /// <summary>Waits until every prediction queued before this call is written (or dropped).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new WriterItem(default, done), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting predictions; <see cref="RunAsync"/> drains what is queued and returns.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Writes queued predictions until <see cref="Complete"/> is called and the queue is empty.</summary>
    /// <param name="cancellationToken">Stops writing at once.</param>
    /// <returns>A task.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<PendingPrediction>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (item.Flush is { } flush)
                {
                    flushes.Add(flush);
                    break;
                }

                batch.Add(item.Prediction);
            }

            await WriteAsync(batch, cancellationToken);
            batch.Clear();
            foreach (var f in flushes)
            {
                f.TrySetResult();
            }

            flushes.Clear();
        }
    }

    private async Task WriteAsync(List<PendingPrediction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.WritePredictionsAsync(batch, cancellationToken);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
#pragma warning disable CA1031 // The writer must outlive any store failure; the rows are counted and logged.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                if (attempt >= 2)
                {
                    Interlocked.Add(ref _failed, batch.Count);
                    Log.WriteFailed(_logger, batch.Count, ex);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), _timeProvider, cancellationToken);
            }
        }
    }

    private readonly record struct WriterItem(PendingPrediction Prediction, TaskCompletionSource? Flush);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The store refused {Count} predictions; they were dropped.")]
        public static partial void WriteFailed(ILogger logger, int count, Exception exception);
    }
}
