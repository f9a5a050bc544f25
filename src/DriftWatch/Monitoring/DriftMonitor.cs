using DriftWatch.Profiles;
using DriftWatch.Statistics;

namespace DriftWatch.Monitoring;

/// <summary>
/// Watches one model's traffic: keeps the count and time windows and the integrity counters as rows arrive, feeds the
/// labelled error stream to an online detector, and on <see cref="Evaluate"/> compares the window with the reference
/// profile through <see cref="Analysis.DriftAnalyzer"/> (the engine behind <c>driftwatch report</c>) into an immutable
/// <see cref="DriftSnapshot"/>.
/// </summary>
/// <remarks>
/// <para>Hot path: <see cref="Observe"/> costs O(features) per row (a binary search over at most 10 edges, or a scan of a
/// handful of categories), allocates nothing and holds a lock only while writing into preallocated buffers.</para>
/// <para><see cref="Evaluate"/> copies the windows under the same lock (a memory copy, no analysis) and analyses the
/// copy outside it, so predictions never wait for an evaluation.</para>
/// <threadsafety>All members are safe to call from several threads at once.</threadsafety>
/// </remarks>
public sealed partial class DriftMonitor
{
    private readonly Lock _gate = new();
    private readonly DriftMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly int[] _inputToFeature;
    private readonly CountWindow _window;
    private readonly TimeWindow _timeWindow;
    private readonly long[][] _bins;
    private readonly long[] _missing;
    private readonly long[] _outOfRange;
    private readonly long[] _unseen;
    private readonly long[] _wrongType;
    private readonly bool[] _numeric;
    private long _rows;
    private long _sequence;
    private DriftSnapshot _latest;

    /// <summary>Initializes a new instance of the <see cref="DriftMonitor"/> class.</summary>
    /// <param name="profile">The reference profile.</param>
    /// <param name="inputFeatures">The column order of the rows given to <see cref="Observe"/> (a model's schema order);
    /// columns the profile does not have are ignored, profile features missing from the input count as missing.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="inputFeatures"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the detector is unknown.</exception>
    public DriftMonitor(ReferenceProfile profile, IReadOnlyList<string> inputFeatures, DriftMonitorOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(inputFeatures);
        _options = options ?? new DriftMonitorOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        Profile = profile;
        InputFeatures = [.. inputFeatures];
        _inputToFeature = [.. inputFeatures.Select(profile.IndexOf)];
        var features = profile.Features;
        _window = new CountWindow(features, _options.WindowSize);
        _timeWindow = new TimeWindow(features, _options.TimeBucketWidth, _options.TimeBucketCount, _time.GetUtcNow());
        _bins = new long[features.Count][];
        _numeric = new bool[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            _numeric[f] = features[f].Type == ColumnType.Numerical;
            _bins[f] = new long[TimeWindow.Slots(features[f]) + (_numeric[f] ? 0 : 1)];
        }

        _missing = new long[features.Count];
        _outOfRange = new long[features.Count];
        _unseen = new long[features.Count];
        _wrongType = new long[features.Count];
        _presentInInput = new bool[features.Count];
        foreach (var f in _inputToFeature)
        {
            if (f >= 0)
            {
                _presentInInput[f] = true;
            }
        }

        InitializeOutcomes();
        InitializeWrongType();
        _latest = EmptySnapshot();
    }

    private readonly bool[] _presentInInput;

    /// <summary>Gets the reference profile.</summary>
    public ReferenceProfile Profile { get; }

    /// <summary>Gets the column order of the rows given to <see cref="Observe"/>.</summary>
    public IReadOnlyList<string> InputFeatures { get; }

    /// <summary>Gets the options (do not change them after construction).</summary>
    public DriftMonitorOptions Options => _options;

    /// <summary>Gets the latest snapshot (an empty one, sequence 0, before the first evaluation).</summary>
    public DriftSnapshot Latest => Volatile.Read(ref _latest);

    /// <summary>Observes a batch of rows and the model's scores for them.</summary>
    /// <param name="numbers">Row-major numeric cells, <see cref="InputFeatures"/>.Count per row; NaN (or ±Inf) when missing.
    /// Cells of categorical features are ignored.</param>
    /// <param name="strings">Row-major categorical cells; <see langword="null"/> or empty when missing. Cells of numeric features
    /// are ignored.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="scores">One model score per row (empty or shorter: NaN for the rest).</param>
    /// <exception cref="ArgumentException">A span is shorter than <paramref name="rows"/> × features.</exception>
    public void Observe(ReadOnlySpan<double> numbers, ReadOnlySpan<string?> strings, int rows, ReadOnlySpan<double> scores)
    {
        var width = _inputToFeature.Length;
        if (rows <= 0)
        {
            return;
        }

        if (numbers.Length < rows * width || strings.Length < rows * width)
        {
            ThrowShortBatch();
        }

        var features = Profile.Features;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _timeWindow.Advance(now);
            for (var r = 0; r < rows; r++)
            {
                var cells = r * width;
                for (var c = 0; c < width; c++)
                {
                    var f = _inputToFeature[c];
                    if (f < 0)
                    {
                        continue;
                    }

                    if (_numeric[f])
                    {
                        ObserveNumber(features[f], f, numbers[cells + c]);
                    }
                    else
                    {
                        ObserveString(features[f], f, strings[cells + c]);
                    }
                }

                for (var f = 0; f < _presentInInput.Length; f++)
                {
                    if (!_presentInInput[f])
                    {
                        // A profile feature the input never carries is missing in every row.
                        if (_numeric[f])
                        {
                            ObserveNumber(features[f], f, double.NaN);
                        }
                        else
                        {
                            ObserveString(features[f], f, null);
                        }
                    }
                }

                _timeWindow.AddRow();
                _window.Commit(r < scores.Length ? scores[r] : double.NaN);
                _rows++;
            }
        }
    }

    /// <summary>Counts a value of the wrong type for a feature (the request parser rejected it; the row never reached <see cref="Observe"/>);
    /// the next <see cref="Evaluate"/> names the feature in a <see cref="Integrity.IntegrityFaultKind.WrongType"/> fault.</summary>
    /// <param name="feature">The feature name; unknown names are ignored.</param>
    public void RecordWrongType(string feature)
    {
        var f = Profile.IndexOf(feature);
        if (f >= 0)
        {
            Interlocked.Increment(ref _wrongType[f]);
        }
    }

    /// <summary>Copies the cumulative counters (for exporters: consistent across features).</summary>
    /// <returns>The counters.</returns>
    public MonitorCounters ReadCounters()
    {
        lock (_gate)
        {
            var features = new FeatureCounters[Profile.Features.Count];
            for (var f = 0; f < features.Length; f++)
            {
                features[f] = new FeatureCounters(
                    Profile.Features[f].Name, [.. _bins[f]], _missing[f], _outOfRange[f], _unseen[f], Interlocked.Read(ref _wrongType[f]));
            }

            var (outcomes, detections) = ReadOutcomeCounters();
            return new MonitorCounters(_rows, features, outcomes, detections);
        }
    }

    private static void ThrowShortBatch() =>
        throw new ArgumentException("The batch spans are shorter than rows × input features.");

    private void ObserveNumber(FeatureProfile feature, int f, double value)
    {
        if (!double.IsFinite(value))
        {
            _missing[f]++;
            _timeWindow.Add(f, -1);
            _window.SetNumber(f, double.NaN);
            return;
        }

        var bin = feature.BinOf(value);
        _bins[f][bin]++;
        _timeWindow.Add(f, bin);
        if (feature.IsOutOfRange(value))
        {
            _outOfRange[f]++;
        }

        _window.SetNumber(f, value);
    }

    private void ObserveString(FeatureProfile feature, int f, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            _missing[f]++;
            _timeWindow.Add(f, -1);
            _window.SetString(f, null);
            return;
        }

        var index = feature.IndexOfCategory(value);
        if (index < 0)
        {
            _unseen[f]++;
            _bins[f][^1]++;
            _timeWindow.Add(f, -2);
        }
        else
        {
            _bins[f][index]++;
            _timeWindow.Add(f, index);
        }

        _window.SetString(f, value);
    }
}
