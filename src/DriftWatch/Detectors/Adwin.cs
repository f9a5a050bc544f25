using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DriftWatch.Detectors;

/// <summary>ADWIN, adaptive windowing over an exponential histogram (River's <c>drift.ADWIN</c>, 0.24+ implementation).</summary>
/// <remarks>
/// <para>
/// The window is kept as rows of buckets: row i holds up to <c>max_buckets</c> buckets of 2ⁱ values (total
/// and variance each); when a row overflows its two oldest buckets merge into the next row. Every
/// <c>clock</c> values, once the window is longer than <c>grace_period</c>, every cut W₀|W₁ between buckets
/// (oldest to newest, the newest entry of every row included) is tested: with n₀, n₁ ≥ <c>min_window_length</c>,
/// δ' = ln(2·ln|W| / δ), m⁻¹ = 1/(n₀ − mwl + 1) + 1/(n₁ − mwl + 1) and σ² = Var(W)/|W|, a cut holds when
/// |μ₀ − μ₁| &gt; √(2·m⁻¹·σ²·δ') + ⅔·δ'·m⁻¹. A cut drops the oldest bucket and restarts the scan; the update
/// then signals a drift, and the next update starts from an empty window, as in River.
/// </para>
/// <para>
/// Operations are performed in River's order so that the floating-point results, and hence the signals,
/// are identical. The window's width, total and running sum of squared deviations are updated with every value;
/// the buckets are not: new values wait in a flat buffer and are merged into the rows, pair by pair as River
/// would have merged them, just before the next cut scan (or when the buffer fills). Each merged bucket depends
/// only on its two parts, so the rows at every scan are exactly River's.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed partial class Adwin : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "adwin";

    // Room in each row for the buckets it receives between merges: one scan's worth of values at the default clock of 32.
    private const int PendingCapacity = 64;

    private readonly AdwinOptions _options;
    private readonly double _delta;
    private readonly int _clock;
    private readonly int _maxBuckets;
    private readonly int _minWindowLength;
    private readonly int _gracePeriod;

    // River's window statistics (width, total, running sum of squared deviations) up to row 0's first _accounted
    // values; CatchUp folds in the rest.
    private double _width;
    private double _total;
    private double _variance;
    private int _accounted;
    private bool _drift;
    private long _skipped;
    private long _detections;

    // River's tick counter, kept in arrears: _tick + (_fill − _armedFill) is the current value. The next event (a clock
    // tick, or a full row 0) comes when row 0's fill reaches _eventFill; _untilTick counts the updates to the next tick.
    // A single update then carries only _fill from one call to the next.
    private long _tick;
    private int _untilTick;
    private int _armedFill;
    private int _eventFill;

    /// <summary>Initializes a new instance of the <see cref="Adwin"/> class.</summary>
    /// <param name="options">The options; River's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Adwin(AdwinOptions? options = null)
    {
        _options = options?.Clone() ?? new AdwinOptions();
        _options.Validate();
        _delta = _options.Delta;
        _clock = _options.Clock;
        _maxBuckets = _options.MaxBuckets;
        _minWindowLength = _options.MinWindowLength;
        _gracePeriod = _options.GracePeriod;
        _stride = _maxBuckets + PendingCapacity;
        const int InitialRows = 24; // 5·2²³ values before the first (and only amortised) resize
        _totals = new double[InitialRows * _stride];
        _variances = new double[InitialRows * _stride];
        _counts = new int[InitialRows];
        ResetState();
    }

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>Gets a copy of the options.</summary>
    public AdwinOptions Options => _options.Clone();

    /// <inheritdoc/>
    public bool DriftDetected => _drift;

    /// <inheritdoc/>
    public bool WarningDetected => false;

    /// <inheritdoc/>
    public long SkippedCount => _skipped;

    /// <summary>Gets the number of values in the window.</summary>
    public double Width
    {
        get
        {
            CatchUp();
            return _width;
        }
    }

    /// <summary>Gets the sum of the values in the window.</summary>
    public double Total
    {
        get
        {
            CatchUp();
            return _total;
        }
    }

    /// <summary>Gets River's running sum of squared deviations of the window (its <c>variance</c>; divide by <see cref="Width"/> for the variance).</summary>
    public double Variance
    {
        get
        {
            CatchUp();
            return _variance;
        }
    }

    /// <summary>Gets the mean of the window (0 when empty).</summary>
    public double Estimation => Width == 0 ? 0.0 : _total / _width;

    /// <summary>Gets the number of drifts signalled since construction.</summary>
    public long DetectionCount => _detections;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Small enough to inline where the caller's type is known.
    public void Update(double value)
    {
        // Row 0 takes the value; the window statistics follow at the next event (or read), four values at a time.
        int fill = _fill;
        if (double.IsFinite(value) && !_drift && unchecked(fill + 1) < _eventFill)
        {
            _totals[fill] = value;
            _fill = unchecked(fill + 1);
            return;
        }

        UpdateRare(value);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // A long-running loop: straight to optimised code, not through OSR.
    public DetectorBatchResult Update(ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings)
    {
        int driftCount = 0;
        int i = 0;
        unchecked
        {
            while (i < values.Length)
            {
                // One run of values up to the next event, copied into row 0.
                double[] row0 = _totals;
                int fill = _fill;
                int eventFill = _eventFill;
                while (i < values.Length)
                {
                    double value = values[i++];
                    if (!double.IsFinite(value))
                    {
                        _skipped++;
                        continue;
                    }

                    if (_drift)
                    {
                        ResetState();
                        (fill, eventFill) = (_fill, _eventFill);
                    }

                    row0[fill++] = value;
                    if (fill == eventFill)
                    {
                        break;
                    }
                }

                _fill = fill;
                if (fill != eventFill)
                {
                    break;
                }

                OnEvent();
                if (_drift && drifts.Length > 0)
                {
                    drifts[driftCount++] = i - 1;
                    if (driftCount == drifts.Length)
                    {
                        break;
                    }
                }
            }
        }

        return new DetectorBatchResult(i, driftCount, 0);
    }

    /// <inheritdoc/>
    public void Reset() => ResetState();

    // Update's other cases: a skipped value, the restart after a drift, the update that reaches an event.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UpdateRare(double value)
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

        unchecked
        {
            int fill = _fill;
            _totals[fill] = value;
            _fill = ++fill;
            if (fill == _eventFill)
            {
                OnEvent();
            }
        }
    }

    private void ResetState()
    {
        Array.Clear(_counts);
        _rows = 1;
        _fill = 0;
        _accounted = 0;
        _absoluteSum = 0;
        _width = 0;
        _total = 0;
        _variance = 0;
        _drift = false;
        _tick = 0;
        _untilTick = _clock;
        Arm();
    }

    // Brings _tick and _untilTick up to date with the updates since the last Arm. Call before anything moves _fill.
    private void Sync()
    {
        int elapsed = _fill - _armedFill;
        _tick += elapsed;
        _untilTick -= elapsed;
        _armedFill = _fill;
    }

    // Sets the fill of the next event: the next tick, or the update that fills row 0's room.
    private void Arm()
    {
        _armedFill = _fill;
        _eventFill = _fill + Math.Min(_untilTick, _stride - _fill);
    }

    // A clock tick (merge, then scan once the window is past the grace period), or a full row 0 (merge).
    private void OnEvent()
    {
        Sync();
        CatchUp();
        MergePending();
        if (_untilTick == 0)
        {
            _untilTick = _clock;
            if (_width > _gracePeriod)
            {
                _drift = Scan();
                if (_drift)
                {
                    _detections++;
                }
            }
        }

        Arm();
    }

    // River's _insert_element for row 0's values not yet in the statistics: d = x − total/(w − 1), variance +=
    // (w − 1)·d·d/w, total += x. The divisions run four lanes at a time (the same IEEE operations, so the same results);
    // only the adds carry from one value to the next, and they run in River's order.
    private void CatchUp()
    {
        int from = _accounted;
        int to = _fill;
        if (from == to)
        {
            return;
        }

        _accounted = to;
        var values = _totals.AsSpan(from, to - from);
        double width = _width;
        double total = _total;
        double variance = _variance;
        int k = 0;
        if (width == 0)
        {
            // The first value: width 1, no variance term.
            width = 1.0;
            total += values[0];
            k = 1;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var step = Vector256.Create(0.0, 1.0, 2.0, 3.0);
            for (; k <= values.Length - 4; k += 4)
            {
                var x = Vector256.Create(values.Slice(k, 4));
                double t1 = total + x.GetElement(0);
                double t2 = t1 + x.GetElement(1);
                double t3 = t2 + x.GetElement(2);
                var before = Vector256.Create(total, t1, t2, t3);
                total = t3 + x.GetElement(3);
                var previous = Vector256.Create(width) + step;
                var d = x - (before / previous);
                var increment = previous * d * d / (previous + Vector256<double>.One);
                variance = variance + increment.GetElement(0) + increment.GetElement(1) + increment.GetElement(2) + increment.GetElement(3);
                width += 4.0;
            }
        }

        for (; k < values.Length; k++)
        {
            double x = values[k];
            double previous = width;
            width += 1.0;
            double d = x - (total / previous);
            variance += previous * d * d / width;
            total += x;
        }

        (_width, _total, _variance) = (width, total, variance);
    }
}
