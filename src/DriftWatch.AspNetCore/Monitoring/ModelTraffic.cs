namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>In-process traffic counters of one model (predictions, successful requests, request time and its
/// distribution), for the overview page.</summary>
/// <remarks>The same events feed the <c>driftwatch_predictions_total</c> counter and the request-duration histogram; these
/// totals only let the service show them without scraping itself. Latency quantiles are estimated from counts over the
/// histogram's own buckets (<see cref="DriftWatchMetrics.DurationBuckets"/>) exactly as Prometheus'
/// <c>histogram_quantile</c> does, so the page and a dashboard agree.
/// <threadsafety>Thread-safe (interlocked).</threadsafety></remarks>
internal sealed class ModelTraffic
{
    private readonly double[] _bounds;
    private readonly long[] _bucketCounts;
    private long _predictions;
    private long _requests;
    private long _elapsedTicks;

    /// <summary>Initializes counters over the service's latency buckets.</summary>
    public ModelTraffic()
        : this(DriftWatchMetrics.DurationBuckets)
    {
    }

    /// <summary>Initializes counters over the given latency bucket upper bounds (seconds, ascending).</summary>
    /// <param name="bounds">The finite upper bounds; a last <c>+Inf</c> bucket is implied.</param>
    public ModelTraffic(double[] bounds)
    {
        _bounds = bounds;
        _bucketCounts = new long[bounds.Length + 1];
    }

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
        Interlocked.Increment(ref _bucketCounts[BucketOf(elapsed.TotalSeconds)]);
        Interlocked.Increment(ref _requests);
    }

    /// <summary>Estimates a quantile of the request duration in milliseconds since the service started.</summary>
    /// <param name="quantile">The quantile, in [0, 1].</param>
    /// <returns>The estimate, or <see langword="null"/> before the first request.</returns>
    /// <remarks>
    /// Prometheus' <c>histogram_quantile</c> rule: rank = q·N; find the first bucket whose cumulative count reaches the
    /// rank and interpolate linearly between its lower bound (0 for the first bucket) and its upper bound. A rank in the
    /// <c>+Inf</c> bucket returns the highest finite bound.
    /// </remarks>
    public double? LatencyQuantileMilliseconds(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1d);
        Span<long> counts = stackalloc long[_bucketCounts.Length];
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Interlocked.Read(ref _bucketCounts[i]);
            total += counts[i];
        }

        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long cumulative = 0;
        for (var i = 0; i < _bounds.Length; i++)
        {
            var previous = cumulative;
            cumulative += counts[i];
            if (cumulative >= rank && counts[i] > 0)
            {
                var lower = i == 0 ? 0d : _bounds[i - 1];
                return 1000d * (lower + ((_bounds[i] - lower) * (rank - previous) / counts[i]));
            }
        }

        return 1000d * _bounds[^1];
    }

    private int BucketOf(double seconds)
    {
        // Upper bounds are inclusive (le), as in the Prometheus exposition.
        var index = Array.BinarySearch(_bounds, seconds);
        return index >= 0 ? index : ~index;
    }
}
