using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>DDM, the Drift Detection Method of Gama et al. (River's <c>drift.binary.DDM</c>).</summary>
/// <remarks>
/// <para>
/// Input: 1 = error, 0 = correct. With the running error rate pᵢ over n values and sᵢ = √(pᵢ(1 − pᵢ)/n),
/// once n &gt; <c>warm_start</c>: (p_min, s_min) is updated whenever pᵢ + sᵢ ≤ p_min + s_min; the warning
/// flag is pᵢ + sᵢ &gt; p_min + w·s_min, and a drift is pᵢ + sᵢ &gt; p_min + d·s_min (which clears the warning).
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Ddm : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "ddm";

    private readonly DdmOptions _options;
    private readonly double _warningThreshold;
    private readonly double _driftThreshold;
    private readonly int _warmStart;
    private double _n;
    private double _p;
    private double _pMin;
    private double _sMin;
    private double _psMin;
    private bool _drift;
    private bool _warning;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Ddm"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Ddm(DdmOptions? options = null)
    {
        _options = options?.Clone() ?? new DdmOptions();
        _options.Validate();
        _warmStart = _options.WarmStart;
        _warningThreshold = _options.WarningThreshold;
        _driftThreshold = _options.DriftThreshold;
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public DdmOptions Options => _options.Clone();

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

        _n += 1.0;
        _p += (value - _p) / _n;
        double s = Math.Sqrt(_p * (1 - _p) / _n);
        if (_n > _warmStart)
        {
            double ps = _p + s;
            if (ps <= _psMin)
            {
                _pMin = _p;
                _sMin = s;
                _psMin = _pMin + _sMin;
            }

            _warning = ps > _pMin + (_warningThreshold * _sMin);
            if (ps > _pMin + (_driftThreshold * _sMin))
            {
                _drift = true;
                _warning = false;
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
        new State { N = _n, P = _p, PMin = _pMin, SMin = _sMin, PsMin = _psMin, Drift = _drift, Warning = _warning });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static Ddm Restore(string json)
    {
        var snapshot = DetectorJson.Read<DdmOptions, State>(json);
        var s = snapshot.State;
        return new Ddm(snapshot.Options)
        {
            _n = s.N,
            _p = s.P,
            _pMin = s.PMin,
            _sMin = s.SMin,
            _psMin = s.PsMin,
            _drift = s.Drift,
            _warning = s.Warning,
            _skipped = snapshot.Skipped,
        };
    }

    private void ResetState()
    {
        _n = 0;
        _p = 0;
        _pMin = 0;
        _sMin = 0;
        _psMin = double.PositiveInfinity;
        _drift = false;
        _warning = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("n")]
        public double N { get; set; }

        [JsonPropertyName("p")]
        public double P { get; set; }

        [JsonPropertyName("p_min")]
        public double PMin { get; set; }

        [JsonPropertyName("s_min")]
        public double SMin { get; set; }

        [JsonPropertyName("ps_min")]
        public double PsMin { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }

        [JsonPropertyName("warning")]
        public bool Warning { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Ddm detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
