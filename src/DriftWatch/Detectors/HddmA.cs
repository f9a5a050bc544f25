using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>HDDM_A, Hoeffding's-bound drift detection with the A-test (River's <c>drift.binary.HDDM_A</c>).</summary>
/// <remarks>
/// <para>
/// Input: 1 = error, 0 = correct (values in [0, 1]). With the global mean z over n values and the
/// Hoeffding bound ε(n) = √(1/(2n) · ln(1/δ_drift)), the cut point X (a copy of z's mean and count) is
/// moved to z whenever X̄ + ε(n_X) ≥ z̄ + ε(n) (and Y for decreases whenever Ȳ − ε(n_Y) ≤ z̄ − ε(n)).
/// An increase at confidence c holds when z̄ − X̄ ≥ √(m/2 · ln(2/c)) with m = (n − n_X)/n_X · 1/n; drift at
/// <c>drift_confidence</c>, warning at <c>warning_confidence</c>. With <c>two_sided_test</c> the same test
/// on Y detects decreases.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class HddmA : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "hddm-a";

    private readonly HddmAOptions _options;
    private readonly double _driftConfidence;
    private readonly double _warningConfidence;
    private readonly bool _twoSided;

    // ln(1/δ_drift), ln(2/δ_drift), ln(2/δ_warning): River evaluates the same expressions on every update.
    private readonly double _logDrift;
    private readonly double _logTwoOverDrift;
    private readonly double _logTwoOverWarning;
    private double _zN;
    private double _zMean;
    private double _minN;
    private double _minMean;
    private double _maxN;
    private double _maxMean;
    private bool _drift;
    private bool _warning;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="HddmA"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HddmA(HddmAOptions? options = null)
    {
        _options = options?.Clone() ?? new HddmAOptions();
        _options.Validate();
        _driftConfidence = _options.DriftConfidence;
        _warningConfidence = _options.WarningConfidence;
        _twoSided = _options.TwoSidedTest;
        _logDrift = Math.Log(1.0 / _driftConfidence);
        _logTwoOverDrift = Math.Log(2.0 / _driftConfidence);
        _logTwoOverWarning = Math.Log(2.0 / _warningConfidence);
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public HddmAOptions Options => _options.Clone();

    /// <inheritdoc/>
    public bool DriftDetected => _drift;

    /// <inheritdoc/>
    public bool WarningDetected => _warning;

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

        _zN += 1.0;
        _zMean += (value - _zMean) / _zN;
        if (_minN == 0)
        {
            _minN = _zN;
            _minMean = _zMean;
        }

        if (_maxN == 0)
        {
            _maxN = _zN;
            _maxMean = _zMean;
        }

        double epsZ = HoeffdingBound(_zN);
        double epsX = HoeffdingBound(_minN);
        if (_minMean + epsX >= _zMean + epsZ)
        {
            _minN = _zN;
            _minMean = _zMean;
        }

        epsX = HoeffdingBound(_maxN);
        if (_maxMean - epsX <= _zMean - epsZ)
        {
            _maxN = _zN;
            _maxMean = _zMean;
        }

        if (MeanIncreased(_logTwoOverDrift))
        {
            _warning = false;
            _drift = true;
        }
        else if (MeanIncreased(_logTwoOverWarning))
        {
            _warning = true;
            _drift = false;
        }
        else
        {
            _warning = false;
            _drift = false;
        }

        if (_twoSided)
        {
            if (MeanDecreased(_logTwoOverDrift))
            {
                _drift = true;
            }
            else if (MeanDecreased(_logTwoOverWarning))
            {
                _warning = true;
            }
        }
    }

    /// <inheritdoc/>
    public DetectorBatchResult Update(ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings) =>
        DetectorBatch.Run(new BatchTarget(this), values, drifts, warnings);

    /// <inheritdoc/>
    public void Reset() => ResetState();

    /// <inheritdoc/>
    public string SaveSnapshot() => DetectorJson.Write(
        DetectorName,
        _options,
        _skipped,
        new State { ZN = _zN, ZMean = _zMean, MinN = _minN, MinMean = _minMean, MaxN = _maxN, MaxMean = _maxMean, Drift = _drift, Warning = _warning });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static HddmA Restore(string json)
    {
        var snapshot = DetectorJson.Read<HddmAOptions, State>(json);
        var s = snapshot.State;
        return new HddmA(snapshot.Options)
        {
            _zN = s.ZN,
            _zMean = s.ZMean,
            _minN = s.MinN,
            _minMean = s.MinMean,
            _maxN = s.MaxN,
            _maxMean = s.MaxMean,
            _drift = s.Drift,
            _warning = s.Warning,
            _skipped = snapshot.Skipped,
        };
    }

    private double HoeffdingBound(double n) => Math.Sqrt(1.0 / (2 * n) * _logDrift);

    private bool MeanIncreased(double logTwoOverConfidence)
    {
        if (_minN == _zN)
        {
            return false;
        }

        double m = (_zN - _minN) / _minN * (1.0 / _zN);
        double eps = Math.Sqrt(m / 2 * logTwoOverConfidence);
        return _zMean - _minMean >= eps;
    }

    private bool MeanDecreased(double logTwoOverConfidence)
    {
        if (_maxN == _zN)
        {
            return false;
        }

        double m = (_zN - _maxN) / _maxN * (1.0 / _zN);
        double eps = Math.Sqrt(m / 2 * logTwoOverConfidence);
        return _maxMean - _zMean >= eps;
    }

    private void ResetState()
    {
        _zN = 0;
        _zMean = 0;
        _minN = 0;
        _minMean = 0;
        _maxN = 0;
        _maxMean = 0;
        _drift = false;
        _warning = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("z_n")]
        public double ZN { get; set; }

        [JsonPropertyName("z_mean")]
        public double ZMean { get; set; }

        [JsonPropertyName("min_n")]
        public double MinN { get; set; }

        [JsonPropertyName("min_mean")]
        public double MinMean { get; set; }

        [JsonPropertyName("max_n")]
        public double MaxN { get; set; }

        [JsonPropertyName("max_mean")]
        public double MaxMean { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }

        [JsonPropertyName("warning")]
        public bool Warning { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(HddmA detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
