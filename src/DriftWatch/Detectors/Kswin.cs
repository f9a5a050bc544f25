using System.Text.Json.Serialization;
using DriftWatch.Statistics;

namespace DriftWatch.Detectors;

/// <summary>KSWIN, Kolmogorov-Smirnov windowing (River's <c>drift.KSWIN</c>).</summary>
/// <remarks>
/// <para>
/// A sliding window of n = <c>window_size</c> values; once full, R is its newest r = <c>stat_size</c> values
/// and W is r values drawn without replacement from the n − r oldest with CPython's
/// <c>random.Random(seed).sample</c>. The two-sample Kolmogorov-Smirnov test runs on (W, R) with scipy's
/// <c>ks_2samp(method="auto")</c> p-value (exact for r ≤ 10 000); a drift is p ≤ α and D &gt; 0.1, after which the
/// window keeps only R. On the next update all state is discarded and the sampler re-seeded, as in River.
/// </para>
/// <para>
/// Both samples have r values, so D = h/r for an integer h: the p-value and the decision for every h are
/// computed once at construction. Sorted copies of R and of the old part are kept up to date (one value leaves
/// and one enters each per update), so the sample comes out sorted by walking the old part in order and taking
/// the drawn slots; an update costs O(n) plus the draws, with no sort.
/// </para>
/// <para>
/// River's optional initial <c>window</c> (<see cref="KswinOptions.Window"/>) fills the window at construction and at
/// <see cref="Reset"/>, keeping its last n values; after a drift the window restarts empty, as in River.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Kswin : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "kswin";

    private readonly KswinOptions _options;
    private readonly int _size;
    private readonly int _stat;
    private readonly double[] _pValues;
    private readonly bool[] _drifts;
    private readonly PythonRandom _random;
    private readonly int[] _indices;
    private readonly double[] _sampled;
    private readonly double[] _recentSorted;
    private readonly double[] _oldValues;
    private readonly int[] _oldSlots;
    private readonly bool[] _marked;

    // Ring buffer: _window[(_head + i) % _size] is the i-th oldest of _count values.
    private readonly double[] _window;
    private int _head;
    private int _count;
    private long _seed;
    private bool _steady;
    private double _pValue;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Kswin"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Kswin(KswinOptions? options = null)
    {
        _options = options?.Clone() ?? new KswinOptions();
        _options.Validate();
        _size = _options.WindowSize;
        _stat = _options.StatSize;
        _window = new double[_size];
        _indices = new int[_stat];
        _sampled = new double[_stat];
        _recentSorted = new double[_stat];
        _oldValues = new double[_size - _stat];
        _oldSlots = new int[_size - _stat];
        _marked = new bool[_size];
        _pValues = new double[_stat + 1];
        _drifts = new bool[_stat + 1];
        for (int h = 0; h <= _stat; h++)
        {
            var (statistic, p) = KolmogorovSmirnov.Test(h / (double)_stat, _stat, _stat);
            _pValues[h] = p;
            _drifts[h] = p <= _options.Alpha && statistic > 0.1;
        }

        _seed = NextSeed();
        _random = new PythonRandom(_seed);
        ResetState(reseed: false);
        LoadInitialWindow();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public KswinOptions Options => _options.Clone();

    /// <inheritdoc/>
    public bool DriftDetected => _drift;

    /// <inheritdoc/>
    public bool WarningDetected => false;

    /// <inheritdoc/>
    public long SkippedCount => _skipped;

    /// <summary>Gets the p-value of the last test (0 before the first).</summary>
    public double PValue => _pValue;

    /// <inheritdoc/>
    public void Update(double value)
    {
        if (!double.IsFinite(value))
        {
            _skipped++;
            return;
        }

        if (_drift)
        {
            ResetState(reseed: true);
        }

        // Append; a full window drops its oldest value (from the old part), whose slot the new value takes.
        bool wasFull = _count == _size;
        int droppedSlot = _head;
        double droppedValue = _window[_head];
        if (wasFull)
        {
            _head = _head + 1 == _size ? 0 : _head + 1;
            _count--;
        }

        _window[Slot(_count)] = value;
        _count++;
        if (_count < _size)
        {
            _steady = false;
            _drift = false;
            return;
        }

        // The value that left R is now the newest of the old part, at position n − r − 1.
        int enteringSlot = Slot(_size - _stat - 1);
        double entering = _window[enteringSlot];
        if (wasFull && _steady)
        {
            ReplaceOld(droppedValue, droppedSlot, entering, enteringSlot);
            ReplaceSorted(_recentSorted, entering, value);
        }
        else
        {
            RebuildSorted();
            _steady = true;
        }

        // River's random.sample(range(n − r), r), gathered in sorted order through the sorted old part.
        _random.Sample(_size - _stat, _indices);
        foreach (int i in _indices)
        {
            _marked[Slot(i)] = true;
        }

        int taken = 0;
        for (int i = 0; i < _oldSlots.Length; i++)
        {
            int slot = _oldSlots[i];
            if (_marked[slot])
            {
                _sampled[taken++] = _oldValues[i];
                _marked[slot] = false;
            }
        }

        int h = MaxCdfGap(_sampled, _recentSorted);
        _pValue = _pValues[h];
        _drift = _drifts[h];
        if (_drift)
        {
            // River keeps only R: a deque of the newest r values.
            _head = Slot(_size - _stat);
            _count = _stat;
            _steady = false;
        }
    }

    /// <inheritdoc/>
    public DetectorBatchResult Update(ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings) =>
        DetectorBatch.Run(new BatchTarget(this), values, drifts, warnings);

    /// <inheritdoc/>
    /// <remarks>The window starts from <see cref="KswinOptions.Window"/> again, as after construction.</remarks>
    public void Reset()
    {
        ResetState(reseed: true);
        LoadInitialWindow();
    }

    /// <inheritdoc/>
    public string SaveSnapshot()
    {
        var window = new double[_count];
        for (int i = 0; i < _count; i++)
        {
            int j = _head + i;
            window[i] = _window[j >= _size ? j - _size : j];
        }

        var state = new State
        {
            Window = window,
            Seed = _seed,
            RandomState = _random.State.ToArray(),
            RandomIndex = _random.Index,
            PValue = _pValue,
            Drift = _drift,
        };
        return DetectorJson.Write(DetectorName, _options, _skipped, state);
    }

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="System.Text.Json.JsonException">The state does not fit the options.</exception>
    internal static Kswin Restore(string json)
    {
        var snapshot = DetectorJson.Read<KswinOptions, State>(json);
        var s = snapshot.State;
        var kswin = new Kswin(snapshot.Options);
        if (s.Window.Length > kswin._size || s.RandomState.Length != PythonRandom.StateLength)
        {
            throw new System.Text.Json.JsonException("A KSWIN snapshot's window or sampler state does not fit its options.");
        }

        s.Window.CopyTo(kswin._window, 0);
        kswin._head = 0;
        kswin._count = s.Window.Length;
        kswin._steady = false;
        kswin._seed = s.Seed;
        kswin._random.SetState(s.RandomState, s.RandomIndex);
        kswin._pValue = s.PValue;
        kswin._drift = s.Drift;
        kswin._skipped = snapshot.Skipped;
        return kswin;
    }

    // D·r for two sorted samples of r values each: the largest gap between the counts at or below each value
    // (scipy evaluates both empirical CDFs at every pooled value, searchsorted "right").
    private static int MaxCdfGap(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        int j = 0;
        int best = 0;
        int n = a.Length;
        while (i < n && j < n)
        {
            double v = a[i] < b[j] ? a[i] : b[j];
            while (i < n && a[i] == v)
            {
                i++;
            }

            while (j < n && b[j] == v)
            {
                j++;
            }

            int gap = Math.Abs(i - j);
            best = gap > best ? gap : best;
        }

        return best;
    }

    private int Slot(int position)
    {
        int slot = _head + position;
        return slot >= _size ? slot - _size : slot;
    }

    // Sorts R and the old part (values with their ring slots) afresh.
    private void RebuildSorted()
    {
        for (int i = 0; i < _stat; i++)
        {
            _recentSorted[i] = _window[Slot(_size - _stat + i)];
        }

        Array.Sort(_recentSorted);
        for (int i = 0; i < _oldSlots.Length; i++)
        {
            int slot = Slot(i);
            _oldValues[i] = _window[slot];
            _oldSlots[i] = slot;
        }

        Array.Sort(_oldValues, _oldSlots);
    }

    // Removes (leaving, leavingSlot) from the sorted old part and inserts (entering, enteringSlot), sliding the gap.
    private void ReplaceOld(double leaving, int leavingSlot, double entering, int enteringSlot)
    {
        double[] values = _oldValues;
        int[] slots = _oldSlots;
        int at = Array.BinarySearch(values, leaving);
        if (at < 0)
        {
            throw new InvalidOperationException("KSWIN's sorted window lost track of a value.");
        }

        while (at > 0 && values[at - 1] == leaving)
        {
            at--;
        }

        while (slots[at] != leavingSlot)
        {
            at++;
        }

        while (at > 0 && values[at - 1] > entering)
        {
            values[at] = values[at - 1];
            slots[at] = slots[at - 1];
            at--;
        }

        while (at < values.Length - 1 && values[at + 1] < entering)
        {
            values[at] = values[at + 1];
            slots[at] = slots[at + 1];
            at++;
        }

        values[at] = entering;
        slots[at] = enteringSlot;
    }

    // River: collections.deque(window, maxlen=window_size), i.e. the last window_size values.
    private void LoadInitialWindow()
    {
        if (_options.Window is not { Count: > 0 } initial)
        {
            return;
        }

        int skip = Math.Max(0, initial.Count - _size);
        for (int i = skip; i < initial.Count; i++)
        {
            _window[i - skip] = initial[i];
        }

        _head = 0;
        _count = initial.Count - skip;
    }

    private long NextSeed() => _options.Seed ?? Random.Shared.NextInt64();

    private static void ReplaceSorted(double[] sorted, double leaving, double entering)
    {
        int at = Array.BinarySearch(sorted, leaving);
        if (at < 0)
        {
            throw new InvalidOperationException("KSWIN's sorted recent window lost track of a value.");
        }

        // Slide the gap left or right until the entering value fits.
        while (at > 0 && sorted[at - 1] > entering)
        {
            sorted[at] = sorted[at - 1];
            at--;
        }

        while (at < sorted.Length - 1 && sorted[at + 1] < entering)
        {
            sorted[at] = sorted[at + 1];
            at++;
        }

        sorted[at] = entering;
    }

    private void ResetState(bool reseed)
    {
        _head = 0;
        _count = 0;
        _steady = false;
        _pValue = 0;
        _drift = false;
        if (reseed)
        {
            _seed = NextSeed();
            _random.Seed(_seed);
        }
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("window")]
        public double[] Window { get; set; } = [];

        [JsonPropertyName("seed")]
        public long Seed { get; set; }

        [JsonPropertyName("random_state")]
        public uint[] RandomState { get; set; } = [];

        [JsonPropertyName("random_index")]
        public int RandomIndex { get; set; }

        [JsonPropertyName("p_value")]
        public double PValue { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Kswin detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
