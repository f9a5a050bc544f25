using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The tabular CUSUM control chart (River's <c>drift.CUSUM</c>).</summary>
/// <remarks>
/// <para>
/// The reference mean μ and standard deviation σ (sample, ddof = 1) are estimated over the first
/// <c>min_instances</c> values and then frozen. Then S⁺ ← max(0, S⁺ + (x − μ) − kσ) and
/// S⁻ ← max(0, S⁻ − (x − μ) − kσ); a drift is S⁺ &gt; hσ (up), S⁻ &gt; hσ (down) or either (both).
/// A constant warm-up (σ = 0) signals on the first value that differs from it.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Cusum : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "cusum";

    private readonly CusumOptions _options;
    private readonly bool _testUp;
    private readonly bool _testDown;
    private RunningMoments _moments;
    private double _sumIncrease;
    private double _sumDecrease;
    private bool _frozen;
    private double _reference;
    private double _sigma;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Cusum"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Cusum(CusumOptions? options = null)
    {
        _options = options?.Clone() ?? new CusumOptions();
        _options.Validate();
        _testUp = _options.Mode != DetectorMode.Down;
        _testDown = _options.Mode != DetectorMode.Up;
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public CusumOptions Options => _options.Clone();

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

        if (!_frozen)
        {
            _moments.Update(value);
            if (_moments.Count < _options.MinInstances)
            {
                return;
            }

            // River keeps updating its running moments after the warm-up but never reads them again.
            _reference = _moments.Mean;
            _sigma = Math.Pow(Math.Max(_moments.Variance, 0.0), 0.5);
            _frozen = true;
        }

        double k = _options.Slack * _sigma;
        double limit = _options.Threshold * _sigma;
        double deviation = value - _reference;
        _sumIncrease = Math.Max(0.0, _sumIncrease + deviation - k);
        _sumDecrease = Math.Max(0.0, _sumDecrease - deviation - k);
        _drift = (_testUp && _sumIncrease > limit) || (_testDown && _sumDecrease > limit);
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
            Moments = _moments,
            SumIncrease = _sumIncrease,
            SumDecrease = _sumDecrease,
            Frozen = _frozen,
            Reference = _reference,
            Sigma = _sigma,
            Drift = _drift,
        });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static Cusum Restore(string json)
    {
        var snapshot = DetectorJson.Read<CusumOptions, State>(json);
        var s = snapshot.State;
        return new Cusum(snapshot.Options)
        {
            _moments = s.Moments,
            _sumIncrease = s.SumIncrease,
            _sumDecrease = s.SumDecrease,
            _frozen = s.Frozen,
            _reference = s.Reference,
            _sigma = s.Sigma,
            _drift = s.Drift,
            _skipped = snapshot.Skipped,
        };
    }

    private void ResetState()
    {
        _moments = default;
        _sumIncrease = 0;
        _sumDecrease = 0;
        _frozen = false;
        _reference = 0;
        _sigma = 0;
        _drift = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("moments")]
        public RunningMoments Moments { get; set; }

        [JsonPropertyName("sum_increase")]
        public double SumIncrease { get; set; }

        [JsonPropertyName("sum_decrease")]
        public double SumDecrease { get; set; }

        [JsonPropertyName("frozen")]
        public bool Frozen { get; set; }

        [JsonPropertyName("reference")]
        public double Reference { get; set; }

        [JsonPropertyName("sigma")]
        public double Sigma { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Cusum detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
