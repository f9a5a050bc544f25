using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The Page-Hinkley test for a change in the mean (River's <c>drift.PageHinkley</c>).</summary>
/// <remarks>
/// <para>
/// With the running mean x̄ₜ: Uₜ = α·Uₜ₋₁ + (xₜ − x̄ₜ) − δ and Dₜ = α·Dₜ₋₁ + (xₜ − x̄ₜ) + δ. A drift is
/// signalled once t ≥ <c>min_instances</c> and Uₜ − min U &gt; λ (mode up), max D − Dₜ &gt; λ (mode down) or
/// either (mode both). As in River, min U starts at +∞ but max D starts at −1 (not −∞).
/// </para>
/// <para>No warning zone. Non-finite values are skipped and counted.</para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class PageHinkley : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "page-hinkley";

    private readonly PageHinkleyOptions _options;
    private readonly double _alpha;
    private readonly double _delta;
    private readonly double _threshold;
    private readonly bool _testUp;
    private readonly bool _testDown;
    private double _n;
    private double _mean;
    private double _sumIncrease;
    private double _sumDecrease;
    private double _minIncrease;
    private double _maxDecrease;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="PageHinkley"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PageHinkley(PageHinkleyOptions? options = null)
    {
        _options = options?.Clone() ?? new PageHinkleyOptions();
        _options.Validate();
        _alpha = _options.Alpha;
        _delta = _options.Delta;
        _threshold = _options.Threshold;
        _testUp = _options.Mode != DetectorMode.Down;
        _testDown = _options.Mode != DetectorMode.Up;
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public PageHinkleyOptions Options => _options.Clone();

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

        _n += 1.0;
        _mean += (value - _mean) / _n;
        double dev = value - _mean;
        _sumIncrease = (_alpha * _sumIncrease) + dev - _delta;
        _sumDecrease = (_alpha * _sumDecrease) + dev + _delta;
        if (_sumIncrease < _minIncrease)
        {
            _minIncrease = _sumIncrease;
        }

        if (_sumDecrease > _maxDecrease)
        {
            _maxDecrease = _sumDecrease;
        }

        if (_n >= _options.MinInstances)
        {
            _drift = (_testUp && _sumIncrease - _minIncrease > _threshold)
                || (_testDown && _maxDecrease - _sumDecrease > _threshold);
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
        new State { N = _n, Mean = _mean, SumIncrease = _sumIncrease, SumDecrease = _sumDecrease, MinIncrease = _minIncrease, MaxDecrease = _maxDecrease, Drift = _drift });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static PageHinkley Restore(string json)
    {
        var snapshot = DetectorJson.Read<PageHinkleyOptions, State>(json);
        var s = snapshot.State;
        return new PageHinkley(snapshot.Options)
        {
            _n = s.N,
            _mean = s.Mean,
            _sumIncrease = s.SumIncrease,
            _sumDecrease = s.SumDecrease,
            _minIncrease = s.MinIncrease,
            _maxDecrease = s.MaxDecrease,
            _drift = s.Drift,
            _skipped = snapshot.Skipped,
        };
    }

    private void ResetState()
    {
        _n = 0;
        _mean = 0;
        _sumIncrease = 0;
        _sumDecrease = 0;
        _minIncrease = double.PositiveInfinity;
        _maxDecrease = -1;
        _drift = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("n")]
        public double N { get; set; }

        [JsonPropertyName("mean")]
        public double Mean { get; set; }

        [JsonPropertyName("sum_increase")]
        public double SumIncrease { get; set; }

        [JsonPropertyName("sum_decrease")]
        public double SumDecrease { get; set; }

        [JsonPropertyName("min_increase")]
        public double MinIncrease { get; set; }

        [JsonPropertyName("max_decrease")]
        public double MaxDecrease { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(PageHinkley detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
