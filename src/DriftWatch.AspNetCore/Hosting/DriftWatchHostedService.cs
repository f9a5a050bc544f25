using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>Opens the store, loads the models with their observers, and runs the prediction writer and retention.</summary>
/// <remarks>
/// Start-up completes before the server listens, so a listening service has its models; <c>/readyz</c> also checks
/// the store answers. On stop, the writer drains what is queued before the store closes.
/// </remarks>
internal sealed partial class DriftWatchHostedService(
    DriftWatchRuntime runtime,
    ModelEntryBuilder entryBuilder,
    ILogger<DriftWatchHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _writerLoop;
    private Task? _pruneLoop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        await runtime.Store.InitializeAsync(cancellationToken);
        var entries = new List<ModelEntry>();
        if (options.Models.Count == 0)
        {
            entries.Add(Create(ModelLoader.CreateBuiltIn(CreditRiskModel.DefaultSeed), fingerprint: null));
        }

        foreach (var m in options.Models)
        {
            var model = await ModelLoader.LoadAsync(m, logger, cancellationToken);
            entries.Add(Create(model, await ModelLoader.FingerprintAsync(m, cancellationToken)));
        }

        runtime.Registry.Set(entries);
        _writerLoop = Task.Run(() => runtime.Writer.RunAsync(_stopping.Token), CancellationToken.None);
        _pruneLoop = Task.Run(PruneLoopAsync, CancellationToken.None);
        runtime.Registry.IsReady = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        runtime.Registry.IsReady = false;
        runtime.Writer.Complete();
        try
        {
            if (_writerLoop is not null)
            {
                await _writerLoop.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown deadline: queued predictions not yet written are lost (they were never acknowledged).
        }

        await _stopping.CancelAsync();
        if (_pruneLoop is not null)
        {
            await _pruneLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private ModelEntry Create(ServedModel model, string? fingerprint)
    {
        var entry = entryBuilder.Create(model, fingerprint: fingerprint);
        Log.ModelLoaded(logger, model.Name, model.Model.Version, model.Source, entry.Observers.Length);
        return entry;
    }

    private async Task PruneLoopAsync()
    {
        var store = runtime.Options.Store;
        using var timer = new PeriodicTimer(store.PruneInterval, runtime.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    var deleted = await runtime.Store.PruneAsync(store.MaxRows, runtime.TimeProvider.GetUtcNow() - store.Retention, _stopping.Token);
                    if (deleted > 0)
                    {
                        Log.Pruned(logger, deleted);
                    }
                }
#pragma warning disable CA1031 // Retention retries on the next tick; a failure must not stop the service.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    Log.PruneFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Serving model {Model} version {Version} from {Source} with {Observers} observers.")]
        public static partial void ModelLoaded(ILogger logger, string model, string version, string source, int observers);

        [LoggerMessage(2, LogLevel.Information, "Retention deleted {Count} stored predictions.")]
        public static partial void Pruned(ILogger logger, long count);

        [LoggerMessage(3, LogLevel.Warning, "Retention failed; retrying at the next interval.")]
        public static partial void PruneFailed(ILogger logger, Exception exception);
    }
}
