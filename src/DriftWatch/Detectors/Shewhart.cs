using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The Shewhart individuals control chart (River's <c>drift.Shewhart</c>).</summary>
/// <remarks>
/// <para>
/// The center line μ and σ (sample standard deviation, ddof = 1) are estimated over the first
/// <c>min_instances</c> values and frozen on the last of them, which is itself tested. From then on each
/// value is judged on its own: x − μ &gt; kσ (up), μ − x &gt; kσ (down) or either (both).
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Shewhart : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "shewhart";

    private readonly ShewhartOptions _options;
    private readonly bool _testUp;
    private readonly bool _testDown;
    private RunningMoments _moments;
    private bool _frozen;
    private double _center;
    private double _limit;
    private bool _drift;
    private long _skipped;

    /// <summary>Initializes a new instance of the <see cref="Shewhart"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Shewhart(ShewhartOptions? options = null)
    {
        _options = options?.Clone() ?? new ShewhartOptions();
        _options.Validate();
        _testUp = _options.Mode != DetectorMode.Down;
        _testDown = _options.Mode != DetectorMode.Up;
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public ShewhartOptions Options => _options.Clone();

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

            _center = _moments.Mean;
            double sigma = Math.Pow(Math.Max(_moments.Variance, 0.0), 0.5);
            _limit = _options.K * sigma;
            _frozen = true;
        }

        double deviation = value - _center;
        _drift = (_testUp && deviation > _limit) || (_testDown && -deviation > _limit);
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
        new State { Moments = _moments, Frozen = _frozen, Center = _center, Limit = _limit, Drift = _drift });

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    internal static Shewhart Restore(string json)
    {
        var snapshot = DetectorJson.Read<ShewhartOptions, State>(json);
        var s = snapshot.State;
        return new Shewhart(snapshot.Options)
        {
            _moments = s.Moments,
            _frozen = s.Frozen,
            _center = s.Center,
            _limit = s.Limit,
            _drift = s.Drift,
            _skipped = snapshot.Skipped,
        };
    }

    private void ResetState()
    {
        _moments = default;
        _frozen = false;
        _center = 0;
        _limit = 0;
        _drift = false;
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("moments")]
        public RunningMoments Moments { get; set; }

        [JsonPropertyName("frozen")]
        public bool Frozen { get; set; }

        [JsonPropertyName("center")]
        public double Center { get; set; }

        [JsonPropertyName("limit")]
        public double Limit { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }
    }

    // Direct calls for DetectorBatch.Run, which is compiled once per target struct.
    private readonly struct BatchTarget(Shewhart detector) : IBatchTarget
    {
        public bool DriftDetected => detector.DriftDetected;

        public bool WarningDetected => detector.WarningDetected;

        public void Update(double value) => detector.Update(value);
    }
}
