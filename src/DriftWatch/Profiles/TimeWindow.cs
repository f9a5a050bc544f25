using DriftWatch.Statistics;

namespace DriftWatch.Profiles;

/// <summary>
/// A sliding time window made of fixed-width sub-buckets of per-bin counts at the reference profile's bins, so its
/// memory is buckets × features × bins whatever the traffic, and buckets merge by addition (as replicas do).
/// </summary>
/// <remarks>
/// Each feature has <c>k + 2</c> slots per bucket: k bins (numeric: the profile's bins; categorical: its categories),
/// then unseen categories, then missing values. A bucket belongs to the absolute period ⌊t / width⌋; when time moves
/// into a new period the oldest bucket is cleared and reused. The window covers the last <c>count</c> periods,
/// the current (partial) one included.
/// <threadsafety>Not thread-safe: the owner serialises access.</threadsafety>
/// </remarks>
internal sealed class TimeWindow
{
    private readonly FeatureProfile[] _features;
    private readonly long _widthTicks;
    private readonly long[][][] _counts;
    private readonly long[] _rows;
    private readonly long[] _period;
    private int _current;

    public TimeWindow(IReadOnlyList<FeatureProfile> features, TimeSpan width, int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, TimeSpan.Zero);
        _features = [.. features];
        _widthTicks = width.Ticks;
        Width = width;
        _counts = new long[count][][];
        _rows = new long[count];
        _period = new long[count];
        for (var b = 0; b < count; b++)
        {
            _counts[b] = new long[_features.Length][];
            for (var f = 0; f < _features.Length; f++)
            {
                _counts[b][f] = new long[Slots(_features[f]) + 2];
            }

            _period[b] = long.MinValue;
        }

        var p = PeriodOf(now);
        _current = (int)(p % count);
        _period[_current] = p;
    }

    public TimeSpan Width { get; }

    public int BucketCount => _rows.Length;

    /// <summary>Moves to the bucket of <paramref name="now"/>, clearing it if it held an older period.</summary>
    public void Advance(DateTimeOffset now)
    {
        var p = PeriodOf(now);
        if (p == _period[_current])
        {
            return;
        }

        var slot = (int)(p % _rows.Length);
        if (_period[slot] != p)
        {
            _period[slot] = p;
            _rows[slot] = 0;
            foreach (var counts in _counts[slot])
            {
                Array.Clear(counts);
            }
        }

        _current = slot;
    }

    /// <summary>Counts a numeric value's bin, an unseen category (<paramref name="slot"/> = -2) or a missing value (-1).</summary>
    public void Add(int feature, int slot)
    {
        var counts = _counts[_current][feature];
        counts[slot >= 0 ? slot : slot == -2 ? counts.Length - 2 : counts.Length - 1]++;
    }

    public void AddRow() => _rows[_current]++;

    /// <summary>Sums the buckets of the last <see cref="BucketCount"/> periods up to <paramref name="now"/>.</summary>
    /// <returns>Per feature the merged slots (bins, unseen, missing), and the row count.</returns>
    public (long[][] Counts, long Rows) Merge(DateTimeOffset now)
    {
        var p = PeriodOf(now);
        var merged = new long[_features.Length][];
        for (var f = 0; f < _features.Length; f++)
        {
            merged[f] = new long[_counts[0][f].Length];
        }

        long rows = 0;
        for (var b = 0; b < _rows.Length; b++)
        {
            if (_period[b] > p - _rows.Length && _period[b] <= p)
            {
                rows += _rows[b];
                for (var f = 0; f < _features.Length; f++)
                {
                    var source = _counts[b][f];
                    var target = merged[f];
                    for (var s = 0; s < source.Length; s++)
                    {
                        target[s] += source[s];
                    }
                }
            }
        }

        return (merged, rows);
    }

    internal static int Slots(FeatureProfile feature) =>
        feature.Type == ColumnType.Numerical ? feature.EdgeArray.Length : feature.CategoryArray.Length;

    private long PeriodOf(DateTimeOffset now) => now.UtcTicks / _widthTicks;
}
