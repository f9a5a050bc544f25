using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>EDDM, the Early Drift Detection Method of Baena-García et al. (River's <c>drift.binary.EDDM</c>).</summary>
/// <remarks>
/// <para>
/// Input: 1 = error (exactly 1.0); any other value counts as correct. At each error the distance to the previous
/// error updates a running mean p' and sample standard deviation s' (Welford, ddof = 1). Once more than
/// <c>warm_start</c> values were seen, the maximum of p' + 2s' is tracked; when the current value does not
/// raise it and more than <c>warm_start</c> errors were seen, level = (p' + 2s')/max: level &lt; β is a drift,
/// level &lt; α a warning, otherwise the warning clears. The warning flag changes only at errors, so it stays
/// on across correct predictions, as in River.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Eddm : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "eddm";

    private readonly EddmOptions _options;
    private readonly int _warmStart;
    private readonly double _alpha;
    private readonly double _beta;
    private long _n;
    private long _lastError;
    private long _errors;
    private double _distanceCount;
    private double _distanceMean;
    private double _distanceVariance;
    private double _p2sMax;
    private bool _drift;
    private bool _warning;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Eddm"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Eddm(EddmOptions? options = null)
    {
        _options = options?.Clone() ?? new EddmOptions();
        _options.Validate();
        _warmStart = _options.WarmStart;
        _alpha = _options.Alpha;
        _beta = _options.Beta;
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public EddmOptions Options => _options.Clone();

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

        _n++;
        if (value != 1.0)
        {
            return;
        }

        _errors++;
        double distance = _n - _lastError;
        double oldMean = _distanceMean;
        _distanceCount += 1.0;
        _distanceMean += (distance - _distanceMean) / _distanceCount;
        if (_distanceCount > 1)
        {
            _distanceVariance += (((distance - oldMean) * (distance - _distanceMean)) - _distanceVariance) / (_distanceCount - 1);
        }

        if (_n > _warmStart)
        {
            // River takes var ** 0.5, i.e. C pow(var, 0.5), which can differ from √ by one unit in the last place.
            // √ decides when every comparison it feeds is clear by a relative 1e-12; otherwise pow decides, as in River.
            double p2s = _distanceMean + (2 * Math.Sqrt(_distanceVariance));
            if (!IsClear(p2s, _p2sMax) || (_p2sMax > 0 && (!IsClear(p2s / _p2sMax, _beta) || !IsClear(p2s / _p2sMax, _alpha))))
            {
                p2s = _distanceMean + (2 * Math.Pow(_distanceVariance, 0.5));
            }

            if (p2s > _p2sMax)
            {
                // The maximum is state: keep River's value exactly.
                _p2sMax = _distanceMean + (2 * Math.Pow(_distanceVariance, 0.5));
            }
            else if (_errors > _warmStart)
            {
                double level = p2s / _p2sMax;
                if (level < _beta)
                {
                    _drift = true;
                }
                else
                {
                    _warning = level < _alpha;
                }
            }
        }

        _lastError = _n;
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
        new State
        {
            N = _n,
            LastError = _lastError,
            Errors = _errors,
            DistanceCount = _distanceCount,
            DistanceMean = _distanceMean,
            DistanceVariance = _distanceVariance,
            P2sMax = _p2sMax,
            Drift = _drift,
            Warning = _warning,
        });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static Eddm Restore(string json)
    {
        var snapshot = DetectorJson.Read<EddmOptions, State>(json);
        var s = snapshot.State;
        return new Eddm(snapshot.Options)
        {
            _n = s.N,
            _lastError = s.LastError,
            _errors = s.Errors,
            _distanceCount = s.DistanceCount,
            _distanceMean = s.DistanceMean,
            _distanceVariance = s.DistanceVariance,
            _p2sMax = s.P2sMax,
            _drift = s.Drift,
            _warning = s.Warning,
            _skipped = snapshot.Skipped,
        };
    }

    private static bool IsClear(double value, double threshold) => Math.Abs(value - threshold) > 1e-12 * Math.Abs(threshold);

    private void ResetState()
    {
        _n = 0;
        _lastError = 0;
        _errors = 0;
        _distanceCount = 0;
        _distanceMean = 0;
        _distanceVariance = 0;
        _p2sMax = -1;
        _drift = false;
        _warning = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("n")]
        public long N { get; set; }

        [JsonPropertyName("last_error")]
        public long LastError { get; set; }

        [JsonPropertyName("errors")]
        public long Errors { get; set; }

        [JsonPropertyName("distance_count")]
        public double DistanceCount { get; set; }

        [JsonPropertyName("distance_mean")]
        public double DistanceMean { get; set; }

        [JsonPropertyName("distance_variance")]
        public double DistanceVariance { get; set; }

        [JsonPropertyName("p2s_max")]
        public double P2sMax { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }

        [JsonPropertyName("warning")]
        public bool Warning { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Eddm detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
