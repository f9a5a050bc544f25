using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Evaluates every drift monitor on a timer (a <see cref="TimeProvider"/>) and saves their state now and then and at shutdown.</summary>
/// <remarks>A failed evaluation is logged with its model's name and counted in
/// <c>driftwatch_monitor_errors_total{observer="drift"}</c> (when the service's metrics are registered); the other models
/// are still evaluated, the model's previous snapshot stays, and the next tick retries. A shutdown that is cancelled before
/// the final save completes is logged as a warning, not thrown.</remarks>
internal sealed partial class DriftEvaluationHostedService(
    DriftMonitorRegistry registry,
    DriftMetrics metrics,
    IOptions<DriftMonitorOptions> options,
    TimeProvider timeProvider,
    ILogger<DriftEvaluationHostedService> logger,
    DriftWatchMetrics? watchMetrics = null) : IHostedService, IDisposable
{
    /// <summary>How often the monitors' state is written to the store.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private DriftEvaluationTimer? _timer;
    private Task? _saveLoop;
    private (string Model, DriftMonitor Monitor)[] _tick = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics; // Resolving the metrics registers the instruments.
        _timer = new DriftEvaluationTimer(
            MonitorsForTick, options.Value.EvaluationInterval, timeProvider, EvaluationFailed);
        _saveLoop = Task.Run(SaveLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await _stopping.CancelAsync();
        if (_saveLoop is not null)
        {
            await _saveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting (its shutdown timeout): the windows since the last periodic save are lost, which
            // is worth a warning, but stopping as asked is not an error.
            Log.FinalSaveCancelled(logger);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The monitors of one tick, remembered with their models: a reference replaced during the tick swaps the
    /// model's monitor, and a failure of the old one must still name its model.</summary>
    private IEnumerable<DriftMonitor> MonitorsForTick()
    {
        // Ticks never overlap (DriftEvaluationTimer skips a tick while one runs), so one field serves every tick.
        var tick = registry.Observers.Select(o => (o.Model.Name, o.Monitor)).ToArray();
        Volatile.Write(ref _tick, tick);
        return tick.Select(t => t.Monitor);
    }

    private void EvaluationFailed(DriftMonitor monitor, Exception exception)
    {
        var model = Array.Find(Volatile.Read(ref _tick), t => ReferenceEquals(t.Monitor, monitor)).Model;
        if (model is not null)
        {
            watchMetrics?.MonitorFailed(model, DriftObserverFactory.ObserverName);
        }

        Log.EvaluationFailed(logger, exception, model ?? "(unknown)");
    }

    private async Task SaveLoopAsync()
    {
        using var timer = new PeriodicTimer(SaveInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await SaveAsync(_stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.SaveStateAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Saving retries at the next interval; a failure must not stop the service.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.SaveFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Drift evaluation of model {Model} failed; serving continues, the previous snapshot stays, and the next tick retries.")]
        public static partial void EvaluationFailed(ILogger logger, Exception exception, string model);

        [LoggerMessage(2, LogLevel.Warning, "Saving the drift monitors' state failed; retrying at the next interval.")]
        public static partial void SaveFailed(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "Shutdown was cancelled before the drift monitors' state was saved; the windows since the last save are lost.")]
        public static partial void FinalSaveCancelled(ILogger logger);
    }
}
