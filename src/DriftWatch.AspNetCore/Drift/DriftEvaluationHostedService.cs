using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Evaluates every drift monitor on a timer (a <see cref="TimeProvider"/>) and saves their state now and then and at shutdown.</summary>
/// <remarks>A failed evaluation is logged and counted in <c>driftwatch_monitor_errors_total{observer="drift"}</c> (when the
/// service's metrics are registered); the next tick retries.</remarks>
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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics; // Resolving the metrics registers the instruments.
        _timer = new DriftEvaluationTimer(
            () => registry.Monitors, options.Value.EvaluationInterval, timeProvider, EvaluationFailed);
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

        await SaveAsync(cancellationToken);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }

    private void EvaluationFailed(DriftMonitor monitor, Exception exception)
    {
        var model = registry.Observers.FirstOrDefault(o => ReferenceEquals(o.Monitor, monitor))?.Model.Name;
        if (model is not null)
        {
            watchMetrics?.MonitorFailed(model, DriftObserverFactory.ObserverName);
        }

        Log.EvaluationFailed(logger, exception);
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
        [LoggerMessage(1, LogLevel.Error, "A drift evaluation failed; serving continues and the next tick retries.")]
        public static partial void EvaluationFailed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Saving the drift monitors' state failed; retrying at the next interval.")]
        public static partial void SaveFailed(ILogger logger, Exception exception);
    }
}
