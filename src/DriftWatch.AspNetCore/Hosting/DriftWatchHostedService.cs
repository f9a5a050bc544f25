using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
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
    IEnumerable<IPredictionObserverFactory> factories,
    ILogger<DriftWatchHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _writerLoop;
    private Task? _pruneLoop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        await runtime.Store.InitializeAsync(cancellationToken);
        var served = new List<ServedModel>();
        if (options.Models.Count == 0)
        {
            served.Add(ModelLoader.CreateBuiltIn(CreditRiskModel.DefaultSeed));
        }

        foreach (var m in options.Models)
        {
            served.Add(await ModelLoader.LoadAsync(m, cancellationToken));
        }

        var entries = new List<ModelEntry>();
        foreach (var model in served)
        {
            var observers = new List<(string, IPredictionObserver)>();
            if (options.Monitoring.Enabled)
            {
                foreach (var factory in factories)
                {
                    if (factory.Create(model) is { } observer)
                    {
                        observers.Add((factory.Name, observer));
                    }
                }
            }

            entries.Add(new ModelEntry(model, observers));
            Log.ModelLoaded(logger, model.Name, model.Model.Version, model.Source, observers.Count);
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
