namespace DriftWatch.Monitoring;

/// <summary>Runs <see cref="DriftMonitor.Evaluate"/> on a timer from a <see cref="TimeProvider"/> (every 15 s by default).</summary>
/// <remarks>
/// The callback runs on the thread pool, never on a request thread. A run that is still going when the timer fires
/// again is not overlapped (the tick is skipped). An exception from a monitor is caught, counted in
/// <see cref="Failures"/> and passed to the error callback, and the timer keeps running: monitoring never breaks serving.
/// An exception thrown by the error callback itself is ignored (the failure is already counted), so it neither skips the
/// remaining monitors nor escapes the timer's thread.
/// <threadsafety>All members are safe to call from several threads at once.</threadsafety>
/// </remarks>
public sealed class DriftEvaluationTimer : IDisposable
{
    private readonly Func<IEnumerable<DriftMonitor>> _monitors;
    private readonly Action<DriftMonitor, Exception>? _onError;
    private readonly ITimer _timer;
    private int _running;
    private long _failures;
    private long _runs;

    /// <summary>Initializes a new instance of the <see cref="DriftEvaluationTimer"/> class and starts it.</summary>
    /// <param name="monitors">The monitors to evaluate, read at every tick (so monitors may come and go).</param>
    /// <param name="interval">The period.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="onError">Called with a monitor and the exception its evaluation threw (for logging).</param>
    /// <exception cref="ArgumentNullException"><paramref name="monitors"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public DriftEvaluationTimer(
        Func<IEnumerable<DriftMonitor>> monitors, TimeSpan interval, TimeProvider? timeProvider = null, Action<DriftMonitor, Exception>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(monitors);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _monitors = monitors;
        _onError = onError;
        _timer = (timeProvider ?? TimeProvider.System).CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Gets the number of evaluations that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Gets the number of completed ticks.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Runs one evaluation of every monitor now (what a tick does).</summary>
    public void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var monitor in _monitors())
            {
#pragma warning disable CA1031 // Monitoring never breaks serving: any failure is counted and reported, and the next monitor still runs.
                try
                {
                    monitor.Evaluate();
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref _failures);
                    Report(monitor, ex);
                }
#pragma warning restore CA1031
            }

            Interlocked.Increment(ref _runs);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void Report(DriftMonitor monitor, Exception exception)
    {
#pragma warning disable CA1031 // The callback logs: a logging provider that throws must neither skip the other monitors nor escape the timer thread (which ends the process).
        try
        {
            _onError?.Invoke(monitor, exception);
        }
        catch (Exception)
        {
            // Already counted in Failures; nothing else can be done from the timer thread.
        }
#pragma warning restore CA1031
    }

    /// <summary>Stops the timer.</summary>
    public void Dispose() => _timer.Dispose();
}
