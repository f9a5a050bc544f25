using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>FHDDM, the Fast Hoeffding Drift Detection Method (River's <c>drift.binary.FHDDM</c>), optionally stacked.</summary>
/// <remarks>
/// <para>
/// <b>Input convention: 1 = correct prediction, 0 = error.</b> FHDDM detects a <em>drop</em> in the mean of
/// its input (the accuracy), unlike DDM and the HDDMs, which detect a rise in the error rate.
/// </para>
/// <para>
/// Over a sliding window of n values, once it is full: u = mean of the window, u_max = max u so far, and a
/// drift is u_max − u &gt; ε with ε = √(ln(1/δ)/(2n)). With <c>short_window_size</c> s the same test runs on
/// the newest s values (stacking FHDDM). The oldest value then leaves the window, as in River. No warning.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Fhddm : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "fhddm";

    private readonly FhddmOptions _options;
    private readonly int _size;
    private readonly int _shortSize;
    private readonly double _epsilon;
    private readonly double _shortEpsilon;

    // Ring buffer: _window[(_head + i) % _size] is the i-th oldest of _count values.
    private readonly double[] _window;
    private int _head;
    private int _count;
    private double _ones;
    private double _uMax;
    private double _uShortMax;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Fhddm"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Fhddm(FhddmOptions? options = null)
    {
        _options = options?.Clone() ?? new FhddmOptions();
        _options.Validate();
        _size = _options.SlidingWindowSize;
        _shortSize = _options.ShortWindowSize ?? 0;
        _epsilon = Math.Sqrt(Math.Log(1 / _options.ConfidenceLevel) / (2 * _size));
        _shortEpsilon = _shortSize == 0 ? 0 : Math.Sqrt(Math.Log(1 / _options.ConfidenceLevel) / (2 * _shortSize));
        _window = new double[_size];
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public FhddmOptions Options => _options.Clone();

    /// <inheritdoc/>
    public bool DriftDetected => _drift;

    /// <inheritdoc/>
    public bool WarningDetected => false;

    /// <inheritdoc/>
    public long SkippedCount => _skipped;

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
            ResetState();
        }

        int tail = _head + _count;
        _window[tail >= _size ? tail - _size : tail] = value;
        _count++;
        _ones += value;

        if (_count == _size)
        {
            double u = _ones / _size;
            _uMax = _uMax < u ? u : _uMax;
            bool shortDrift = false;
            if (_shortSize > 0)
            {
                // River sums the newest s values afresh (oldest first) on every update; so do we, for identical rounding.
                double sum = 0;
                for (int i = _size - _shortSize; i < _size; i++)
                {
                    int j = _head + i;
                    sum += _window[j >= _size ? j - _size : j];
                }

                double uShort = sum / _shortSize;
                _uShortMax = _uShortMax < uShort ? uShort : _uShortMax;
                shortDrift = _uShortMax - uShort > _shortEpsilon;
            }

            _drift = _uMax - u > _epsilon || shortDrift;
            _ones -= _window[_head];
            _head = _head + 1 == _size ? 0 : _head + 1;
            _count--;
        }
    }

    /// <inheritdoc/>
    public DetectorBatchResult Update(ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings) =>
        DetectorBatch.Run(new BatchTarget(this), values, drifts, warnings);

    /// <inheritdoc/>
    public void Reset() => ResetState();

    /// <inheritdoc/>
    public string SaveSnapshot()
    {
        var window = new double[_count];
        for (int i = 0; i < _count; i++)
        {
            int j = _head + i;
            window[i] = _window[j >= _size ? j - _size : j];
        }

        return DetectorJson.Write(
            DetectorName,
            _options,
            _skipped,
            new State { Window = window, Ones = _ones, UMax = _uMax, UShortMax = _uShortMax, Drift = _drift });
    }

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="System.Text.Json.JsonException">The window does not fit the options.</exception>
    internal static Fhddm Restore(string json)
    {
        var snapshot = DetectorJson.Read<FhddmOptions, State>(json);
        var s = snapshot.State;
        var fhddm = new Fhddm(snapshot.Options);
        if (s.Window.Length >= fhddm._size)
        {
            throw new System.Text.Json.JsonException("An FHDDM snapshot window must be shorter than sliding_window_size.");
        }

        s.Window.CopyTo(fhddm._window, 0);
        fhddm._count = s.Window.Length;
        fhddm._ones = s.Ones;
        fhddm._uMax = s.UMax;
        fhddm._uShortMax = s.UShortMax;
        fhddm._drift = s.Drift;
        fhddm._skipped = snapshot.Skipped;
        return fhddm;
    }

    private void ResetState()
    {
        _head = 0;
        _count = 0;
        _ones = 0;
        _uMax = 0;
        _uShortMax = 0;
        _drift = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("window")]
        public double[] Window { get; set; } = [];

        [JsonPropertyName("ones")]
        public double Ones { get; set; }

        [JsonPropertyName("u_max")]
        public double UMax { get; set; }

        [JsonPropertyName("u_short_max")]
        public double UShortMax { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Fhddm detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
