using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The EWMA control chart (River's <c>drift.EWMA</c>).</summary>
/// <remarks>
/// <para>
/// Z₁ = x₁, Zₜ = αxₜ + (1 − α)Zₜ₋₁. σ² is River's exponentially weighted variance (EW mean of x² minus the
/// square of the EW mean of x, both with weight α and River's <c>EWMean</c> rule that a zero mean is replaced
/// by the next value), clipped at 0. Once t ≥ <c>min_instances</c>, with x̄ the plain running mean, a drift is
/// Zₜ − x̄ &gt; L (up), x̄ − Zₜ &gt; L (down) or either (both), where
/// L = threshold · σ · √(α/(2 − α) · (1 − (1 − α)^(2t))).
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Ewma : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "ewma";

    private readonly EwmaOptions _options;
    private readonly double _alpha;
    private readonly double _threshold;
    private readonly bool _testUp;
    private readonly bool _testDown;
    private readonly double _steadyFactor;
    private double _steadySqrtFactor;
    private long _n;
    private double _z;
    private double _meanCount;
    private double _mean;
    private double _ewMean;
    private double _ewSquareMean;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Ewma"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Ewma(EwmaOptions? options = null)
    {
        _options = options?.Clone() ?? new EwmaOptions();
        _options.Validate();
        _alpha = _options.Alpha;
        _threshold = _options.Threshold;
        _testUp = _options.Mode != DetectorMode.Down;
        _testDown = _options.Mode != DetectorMode.Up;
        _steadyFactor = _alpha / (2 - _alpha);
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public EwmaOptions Options => _options.Clone();

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

        _n++;
        _z = _n == 1 ? value : (_alpha * value) + ((1 - _alpha) * _z);
        _meanCount += 1.0;
        _mean += (value - _mean) / _meanCount;
        _ewMean = EwMeanUpdate(_ewMean, value);
        _ewSquareMean = EwMeanUpdate(_ewSquareMean, value * value);

        if (_n >= _options.MinInstances)
        {
            // River's EWVar is Rust (watermill) code whose powf(2) LLVM lowers to a multiplication.
            double variance = Math.Max(_ewSquareMean - (_ewMean * _ewMean), 0.0);
            double sqrtFactor = SqrtFactor();
            double devUp = _z - _mean;

            // River takes variance ** 0.5 (C pow), which can differ from √ by one unit in the last place; √ decides
            // unless |Z − x̄| is within 1e-12 (relative) of the limit, where pow decides, as in River.
            double bound = _threshold * Math.Sqrt(variance) * sqrtFactor;
            if (Math.Abs(Math.Abs(devUp) - bound) <= bound * 1e-12)
            {
                bound = _threshold * Math.Pow(variance, 0.5) * sqrtFactor;
            }

            _drift = (_testUp && devUp > bound) || (_testDown && -devUp > bound);
        }
        else
        {
            _drift = false;
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
        new State { N = _n, Z = _z, MeanCount = _meanCount, Mean = _mean, EwMean = _ewMean, EwSquareMean = _ewSquareMean, Drift = _drift });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static Ewma Restore(string json)
    {
        var snapshot = DetectorJson.Read<EwmaOptions, State>(json);
        var s = snapshot.State;
        return new Ewma(snapshot.Options)
        {
            _n = s.N,
            _z = s.Z,
            _meanCount = s.MeanCount,
            _mean = s.Mean,
            _ewMean = s.EwMean,
            _ewSquareMean = s.EwSquareMean,
            _drift = s.Drift,
            _skipped = snapshot.Skipped,
        };
    }

    // √(α/(2 − α) · (1 − (1 − α)^(2t))) as River computes it (C pow throughout). Once 1 − (1 − α)^(2t) rounds to
    // exactly 1 it stays 1 for every later t, so the value is cached from then on (two pow calls saved per update).
    private double SqrtFactor()
    {
        if (_steadySqrtFactor > 0)
        {
            return _steadySqrtFactor;
        }

        double decay = Math.Pow(1 - _alpha, 2 * _n);
        double sqrtFactor = Math.Pow(_steadyFactor * (1 - decay), 0.5);
        if (1 - decay == 1.0)
        {
            _steadySqrtFactor = sqrtFactor;
        }

        return sqrtFactor;
    }

    private double EwMeanUpdate(double mean, double x) => mean == 0 ? x : (_alpha * x) + ((1 - _alpha) * mean);

    private void ResetState()
    {
        _n = 0;
        _z = 0;
        _meanCount = 0;
        _mean = 0;
        _ewMean = 0;
        _ewSquareMean = 0;
        _steadySqrtFactor = 0;
        _drift = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("n")]
        public long N { get; set; }

        [JsonPropertyName("z")]
        public double Z { get; set; }

        [JsonPropertyName("mean_count")]
        public double MeanCount { get; set; }

        [JsonPropertyName("mean")]
        public double Mean { get; set; }

        [JsonPropertyName("ew_mean")]
        public double EwMean { get; set; }

        [JsonPropertyName("ew_square_mean")]
        public double EwSquareMean { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Ewma detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
