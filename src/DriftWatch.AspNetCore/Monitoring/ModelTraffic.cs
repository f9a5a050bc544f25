namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>In-process traffic counters of one model (predictions, successful requests, total request time), for the overview page.</summary>
/// <remarks>The same events feed the <c>driftwatch_predictions_total</c> counter and the request-duration histogram; these
/// totals only let the service show them without scraping itself. <threadsafety>Thread-safe (interlocked).</threadsafety></remarks>
internal sealed class ModelTraffic
{
    private long _predictions;
    private long _requests;
    private long _elapsedTicks;

    /// <summary>Gets the predictions served since the service started.</summary>
    public long Predictions => Interlocked.Read(ref _predictions);

    /// <summary>Gets the successful predict requests since the service started.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets the mean request duration in milliseconds, or <see langword="null"/> before the first request.</summary>
    public double? MeanLatencyMilliseconds
    {
        get
        {
            var requests = Requests;
            return requests == 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)).TotalMilliseconds / requests;
        }
    }

    /// <summary>Counts one successful predict request.</summary>
    /// <param name="predictions">The instances it predicted.</param>
    /// <param name="elapsed">How long it took.</param>
    public void Record(int predictions, TimeSpan elapsed)
    {
        Interlocked.Add(ref _predictions, predictions);
        Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
        Interlocked.Increment(ref _requests);
    }
}
