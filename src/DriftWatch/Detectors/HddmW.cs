using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>HDDM_W, McDiarmid's-bound drift detection with the W-test (River's <c>drift.binary.HDDM_W</c>).</summary>
/// <remarks>
/// <para>
/// Input: 1 = error, 0 = correct (values in [0, 1]). The total sample keeps an exponentially weighted
/// mean (weight λ) and its independent bound condition ibc; the bound is ε(ibc, c) = √(ibc·ln(1/c)/2).
/// The increase cut point moves (the total is copied into S₁ and S₂ restarts) whenever
/// z̄_w + ε(ibc, δ_drift) falls below it; otherwise the value goes into S₂. An increase at confidence c holds
/// when S̄₂ − S̄₁ &gt; ε(ibc₁ + ibc₂, c): drift at <c>drift_confidence</c>, warning at <c>warning_confidence</c>.
/// Decreases mirror this and are tested only with <c>two_sided_test</c>. The weighted means follow River's
/// <c>EWMean</c>, whose first non-zero value replaces a zero mean (see <see cref="HddmSample"/>).
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class HddmW : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "hddm-w";

    private readonly HddmWOptions _options;
    private readonly double _driftConfidence;
    private readonly double _warningConfidence;
    private readonly double _lambda;
    private readonly double _lambdaSquared;
    private readonly double _complementSquared;
    private readonly bool _twoSided;

    // ln(1/δ) for both confidences: River evaluates the same expressions on every update.
    private readonly double _logDrift;
    private readonly double _logWarning;
    private HddmSample _total;
    private HddmSample _s1Increase;
    private HddmSample _s2Increase;
    private HddmSample _s1Decrease;
    private HddmSample _s2Decrease;
    private double _increaseCutpoint;
    private double _decreaseCutpoint;
    private bool _drift;
    private bool _warning;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="HddmW"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HddmW(HddmWOptions? options = null)
    {
        _options = options?.Clone() ?? new HddmWOptions();
        _options.Validate();
        _driftConfidence = _options.DriftConfidence;
        _warningConfidence = _options.WarningConfidence;
        _lambda = _options.LambdaVal;
        _lambdaSquared = _lambda * _lambda;

        // River writes (1 - lambd) ** 2, which CPython evaluates with C pow().
        _complementSquared = Math.Pow(1 - _lambda, 2);
        _twoSided = _options.TwoSidedTest;
        _logDrift = Math.Log(1 / _driftConfidence);
        _logWarning = Math.Log(1 / _warningConfidence);
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public HddmWOptions Options => _options.Clone();

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

        _total.Update(value, _lambda, _lambdaSquared, _complementSquared);

        double eps = McDiarmidBound(_total.Ibc, _logDrift);
        if (_total.Ewma + eps < _increaseCutpoint)
        {
            _increaseCutpoint = _total.Ewma + eps;
            _s1Increase = _total;
            _s2Increase = HddmSample.Empty;
        }
        else
        {
            _s2Increase.Update(value, _lambda, _lambdaSquared, _complementSquared);
        }

        if (MeanChanged(_s1Increase, _s2Increase, _logDrift))
        {
            _warning = false;
            _drift = true;
        }
        else if (MeanChanged(_s1Increase, _s2Increase, _logWarning))
        {
            _warning = true;
            _drift = false;
        }
        else
        {
            _warning = false;
            _drift = false;
        }

        eps = McDiarmidBound(_total.Ibc, _logDrift);
        if (_total.Ewma - eps > _decreaseCutpoint)
        {
            _decreaseCutpoint = _total.Ewma - eps;
            _s1Decrease = _total;
            _s2Decrease = HddmSample.Empty;
        }
        else
        {
            _s2Decrease.Update(value, _lambda, _lambdaSquared, _complementSquared);
        }

        if (_twoSided)
        {
            if (MeanChanged(_s2Decrease, _s1Decrease, _logDrift))
            {
                _drift = true;
            }
            else if (MeanChanged(_s2Decrease, _s1Decrease, _logWarning))
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
        new State
        {
            Total = _total,
            S1Increase = _s1Increase,
            S2Increase = _s2Increase,
            S1Decrease = _s1Decrease,
            S2Decrease = _s2Decrease,
            IncreaseCutpoint = _increaseCutpoint,
            DecreaseCutpoint = _decreaseCutpoint,
            Drift = _drift,
            Warning = _warning,
        });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static HddmW Restore(string json)
    {
        var snapshot = DetectorJson.Read<HddmWOptions, State>(json);
        var s = snapshot.State;
        return new HddmW(snapshot.Options)
        {
            _total = s.Total,
            _s1Increase = s.S1Increase,
            _s2Increase = s.S2Increase,
            _s1Decrease = s.S1Decrease,
            _s2Decrease = s.S2Decrease,
            _increaseCutpoint = s.IncreaseCutpoint,
            _decreaseCutpoint = s.DecreaseCutpoint,
            _drift = s.Drift,
            _warning = s.Warning,
            _skipped = snapshot.Skipped,
        };
    }

    private static double McDiarmidBound(double ibc, double logOneOverConfidence) => Math.Sqrt(ibc * logOneOverConfidence / 2);

    private static bool MeanChanged(in HddmSample sample1, in HddmSample sample2, double logOneOverConfidence)
    {
        if (!(sample1.IsInit && sample2.IsInit))
        {
            return false;
        }

        double bound = McDiarmidBound(sample1.Ibc + sample2.Ibc, logOneOverConfidence);
        return sample2.Ewma - sample1.Ewma > bound;
    }

    private void ResetState()
    {
        _total = HddmSample.Empty;
        _s1Increase = HddmSample.Empty;
        _s2Increase = HddmSample.Empty;
        _s1Decrease = HddmSample.Empty;
        _s2Decrease = HddmSample.Empty;
        _increaseCutpoint = double.PositiveInfinity;
        _decreaseCutpoint = double.NegativeInfinity;
        _drift = false;
        _warning = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("total")]
        public HddmSample Total { get; set; }

        [JsonPropertyName("s1_increase")]
        public HddmSample S1Increase { get; set; }

        [JsonPropertyName("s2_increase")]
        public HddmSample S2Increase { get; set; }

        [JsonPropertyName("s1_decrease")]
        public HddmSample S1Decrease { get; set; }

        [JsonPropertyName("s2_decrease")]
        public HddmSample S2Decrease { get; set; }

        [JsonPropertyName("increase_cutpoint")]
        public double IncreaseCutpoint { get; set; }

        [JsonPropertyName("decrease_cutpoint")]
        public double DecreaseCutpoint { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }

        [JsonPropertyName("warning")]
        public bool Warning { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(HddmW detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
