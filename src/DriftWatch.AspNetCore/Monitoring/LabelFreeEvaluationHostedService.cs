using DriftWatch.Monitoring;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>
/// Evaluates every <see cref="LabelFreeMonitor"/> on a timer (the service's <see cref="TimeProvider"/>, every
/// <see cref="DriftMonitorOptions.EvaluationInterval"/>, 15 s by default), so that scrapes, the drift snapshot and the
/// overview page only read the latest snapshot.
/// </summary>
/// <remarks>
/// A tick runs on the timer's thread-pool thread, never on a request or a scrape; the first tick after a model's window
/// holds <see cref="LabelFreeMonitor.MinimumRows"/> rows also fits its evaluator (about a second for the default model).
/// A tick that is still running when the timer fires again is not overlapped (the tick is skipped). An exception from a
/// monitor is caught, counted in <see cref="Failures"/> and in <c>driftwatch_monitor_errors_total{observer="label-free"}</c>
/// and logged, the other monitors still run, and the next tick
/// retries: monitoring never stops the service. An exception from that logging or counting is ignored, so it cannot
/// escape the timer's thread.
/// <threadsafety>All members are safe to call from several threads at once.</threadsafety>
/// </remarks>
internal sealed partial class LabelFreeEvaluationHostedService(
    IEnumerable<IPredictionObserverFactory> factories,
    IOptions<DriftMonitorOptions> options,
    TimeProvider timeProvider,
    ILogger<LabelFreeEvaluationHostedService> logger,
    DriftWatchMetrics? metrics = null) : IHostedService, IDisposable
{
    private readonly LabelFreeMonitorFactory? _factory = factories.OfType<LabelFreeMonitorFactory>().FirstOrDefault();
    private ITimer? _timer;
    private int _running;
    private long _failures;
    private long _runs;

    /// <summary>Gets the number of monitor evaluations that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Gets the number of completed ticks (skipped ones excluded).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_factory is not null)
        {
            var interval = options.Value.EvaluationInterval;
            _timer = timeProvider.CreateTimer(_ => EvaluateNow(), null, interval, interval);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>Evaluates every model's label-free monitor now: what a tick does.</summary>
    /// <returns><see langword="false"/> when a tick was already running (nothing was done); otherwise <see langword="true"/>.</returns>
    internal bool EvaluateNow()
    {
        if (_factory is null || Interlocked.Exchange(ref _running, 1) == 1)
        {
            return false;
        }

        try
        {
            foreach (var monitor in _factory.Monitors())
            {
#pragma warning disable CA1031 // Monitoring never stops serving: a failure is counted and logged, and the next monitor still runs.
                try
                {
                    monitor.EvaluateNow();
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref _failures);
                    Report(monitor.Model, ex);
                }
#pragma warning restore CA1031
            }

            Interlocked.Increment(ref _runs);
            return true;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void Report(string model, Exception exception)
    {
#pragma warning disable CA1031 // A logging provider or metrics listener that throws must neither skip the other monitors nor escape the timer thread (which ends the process).
        try
        {
            metrics?.MonitorFailed(model, LabelFreeMonitorFactory.ObserverName);
            Log.EvaluationFailed(logger, exception, model);
        }
        catch (Exception)
        {
            // Already counted in Failures; nothing else can be done from the timer thread.
        }
#pragma warning restore CA1031
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Label-free evaluation of model {Model} failed; serving continues, the previous snapshot stays, and the next tick retries.")]
        public static partial void EvaluationFailed(ILogger logger, Exception exception, string model);
    }
}
