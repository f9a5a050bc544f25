using System.Text.Json.Serialization;

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
/// are identical. The window variance is River's running sum of squared deviations.
/// </para>
/// <threadsafety>Not thread-safe; callers serialise access.</threadsafety>
/// </remarks>
public sealed class Adwin : IDriftDetector
{
    /// <summary>The registry name.</summary>
    public const string DetectorName = "adwin";

    private readonly AdwinOptions _options;
    private readonly int _rowCapacity;
    private readonly double _delta;
    private readonly int _clock;
    private readonly int _maxBuckets;
    private readonly int _minWindowLength;
    private readonly int _gracePeriod;

    // Row r's buckets are _totals/_variances[r * _rowCapacity .. + _counts[r]], oldest first; row 0 is the newest.
    private double[] _totals;
    private double[] _variances;
    private int[] _counts;
    private int _rows;
    private double _width;
    private double _total;
    private double _variance;
    private long _tick;
    private long _untilCheck;
    private bool _drift;
    private long _skipped;
    private long _detections;

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
        _rowCapacity = _maxBuckets + 1;
        const int InitialRows = 24; // 5·2²³ values before the first (and only amortised) resize
        _totals = new double[InitialRows * _rowCapacity];
        _variances = new double[InitialRows * _rowCapacity];
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
    public double Width => _width;

    /// <summary>Gets the mean of the window (0 when empty).</summary>
    public double Estimation => _width == 0 ? 0.0 : _total / _width;

    /// <summary>Gets the number of drifts signalled since construction.</summary>
    public long DetectionCount => _detections;

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

        Insert(value);
        _tick++;

        // tick % clock == 0, without a 64-bit division per update.
        if (--_untilCheck == 0)
        {
            _untilCheck = _clock;
        }
        else
        {
            return;
        }

        if (_width > _gracePeriod)
        {
            _drift = Scan();
            if (_drift)
            {
                _detections++;
            }
        }
    }

    /// <inheritdoc/>
    public void Reset() => ResetState();

    /// <inheritdoc/>
    public string SaveSnapshot()
    {
        var rows = new RowState[_rows];
        for (int r = 0; r < _rows; r++)
        {
            int start = r * _rowCapacity;
            rows[r] = new RowState
            {
                Totals = _totals.AsSpan(start, _counts[r]).ToArray(),
                Variances = _variances.AsSpan(start, _counts[r]).ToArray(),
            };
        }

        var state = new State { Rows = rows, Width = _width, Total = _total, Variance = _variance, Tick = _tick, Drift = _drift, Detections = _detections };
        return DetectorJson.Write(DetectorName, _options, _skipped, state);
    }

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="System.Text.Json.JsonException">The state is inconsistent with the options.</exception>
    internal static Adwin Restore(string json)
    {
        var snapshot = DetectorJson.Read<AdwinOptions, State>(json);
        var s = snapshot.State;
        var adwin = new Adwin(snapshot.Options);
        if (s.Rows.Length == 0)
        {
            throw new System.Text.Json.JsonException("An ADWIN snapshot has at least one row.");
        }

        adwin.EnsureRows(s.Rows.Length);
        for (int r = 0; r < s.Rows.Length; r++)
        {
            var row = s.Rows[r];
            if (row.Totals.Length > adwin._maxBuckets || row.Variances.Length != row.Totals.Length)
            {
                throw new System.Text.Json.JsonException("An ADWIN snapshot row does not fit max_buckets.");
            }

            row.Totals.CopyTo(adwin._totals, r * adwin._rowCapacity);
            row.Variances.CopyTo(adwin._variances, r * adwin._rowCapacity);
            adwin._counts[r] = row.Totals.Length;
        }

        adwin._rows = s.Rows.Length;
        adwin._width = s.Width;
        adwin._total = s.Total;
        adwin._variance = s.Variance;
        adwin._tick = s.Tick;
        adwin._untilCheck = adwin._clock - (s.Tick % adwin._clock);
        adwin._drift = s.Drift;
        adwin._detections = s.Detections;
        adwin._skipped = snapshot.Skipped;
        return adwin;
    }

    private void ResetState()
    {
        Array.Clear(_counts);
        _rows = 1;
        _width = 0;
        _total = 0;
        _variance = 0;
        _tick = 0;
        _untilCheck = _clock;
        _drift = false;
    }

    private void Insert(double value)
    {
        int[] counts = _counts;
        int c = counts[0];
        _totals[c] = value;
        _variances[c] = 0.0;
        counts[0] = c + 1;

        _width += 1;
        double incremental = 0.0;
        if (_width > 1.0)
        {
            double d = value - (_total / (_width - 1.0));
            incremental = (_width - 1.0) * d * d / _width;
        }

        _variance += incremental;
        _total += value;
        if (c + 1 == _rowCapacity)
        {
            Compress();
        }
    }

    private void Compress()
    {
        int row = 0;
        while (row < _rows && _counts[row] == _maxBuckets + 1)
        {
            if (row + 1 == _rows)
            {
                EnsureRows(_rows + 1);
                _counts[_rows] = 0;
                _rows++;
            }

            int start = row * _rowCapacity;
            double n1 = 1L << row;
            double t0 = _totals[start];
            double t1 = _totals[start + 1];
            double mu1 = t0 / n1;
            double mu2 = t1 / n1;
            double total12 = t0 + t1;
            double temp = n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2);
            double v12 = _variances[start] + _variances[start + 1] + temp;

            int next = (row + 1) * _rowCapacity;
            int nextCount = _counts[row + 1];
            _totals[next + nextCount] = total12;
            _variances[next + nextCount] = v12;
            _counts[row + 1] = nextCount + 1;

            int remaining = _counts[row] - 2;
            for (int i = start; i < start + remaining; i++)
            {
                _totals[i] = _totals[i + 2];
                _variances[i] = _variances[i + 2];
            }

            _counts[row] = remaining;

            if (nextCount + 1 <= _maxBuckets)
            {
                break;
            }

            row++;
        }
    }

    private double DeleteOldest()
    {
        int last = _rows - 1;
        int start = last * _rowCapacity;
        double n = 1L << last;
        double u = _totals[start];
        double mu = u / n;
        double v = _variances[start];

        _width -= n;
        _total -= u;
        double muWindow = _total / _width;
        double incremental = v + (n * _width * (mu - muWindow) * (mu - muWindow) / (n + _width));
        _variance -= incremental;

        int remaining = _counts[last] - 1;
        for (int i = start; i < start + remaining; i++)
        {
            _totals[i] = _totals[i + 1];
            _variances[i] = _variances[i + 1];
        }

        _counts[last] = remaining;
        if (remaining == 0)
        {
            _rows--;
        }

        return n;
    }

    // One pass per restart: a cut removes the oldest bucket and the scan starts again, as in River.
    private bool Scan()
    {
        bool change = false;
        bool again = true;
        while (again)
        {
            again = CutOnce();
            change |= again;
        }

        return change;
    }

    private bool CutOnce()
    {
        double n0 = 0.0;
        double n1 = _width;
        double u0 = 0.0;
        double u1 = _total;

        // Constant within one pass; River recomputes them per cut with the same operands, hence the same values.
        double deltaPrime = Math.Log(2 * Math.Log(_width) / _delta);
        double varianceInWindow = _variance / _width;
        double twoThirdsDeltaPrime = 2.0 / 3.0 * deltaPrime;
        double mwl = _minWindowLength;

        // Division-free pre-test (see Cut). With μ the window mean, μ₀ − μ₁ = G/(n₀n₁) for G = u₀n₁ − u₁n₀, and since
        // m⁻¹ ≥ 1/n₀ + 1/n₁ = |W|/(n₀n₁), a cut needs ε < |G|/(n₀n₁), hence G² > 2·Var(W)·δ'·n₀n₁ (Var(W) = σ²|W|).
        double cutScale = 2 * _variance * deltaPrime;
        double[] totals = _totals;

        for (int row = _rows - 1; row >= 0; row--)
        {
            double size = 1L << row;
            int start = row * _rowCapacity;
            int count = _counts[row];
            for (int k = 0; k < count; k++)
            {
                double t = totals[start + k];
                n0 += size;
                n1 -= size;
                u0 += t;
                u1 -= t;
                if (row == 0 && k == count - 1)
                {
                    return false;
                }

                if (n1 < mwl || n0 < mwl)
                {
                    continue;
                }

                double x0 = u0 * n1;
                double x1 = u1 * n0;

                // |G| plus a bound on its rounding error and on that of River's u₀/n₀ − u₁/n₁ (scaled by n₀n₁).
                double gap = Math.Abs(x0 - x1) + (1e-15 * (Math.Abs(x0) + Math.Abs(x1)));
                double rhs = cutScale * n0 * n1;
                if (rhs < double.MaxValue && gap * gap <= rhs * (1 - 1e-9))
                {
                    continue;
                }

                if (Cut(n0, n1, u0, u1, deltaPrime, varianceInWindow, twoThirdsDeltaPrime, mwl))
                {
                    DeleteOldest();
                    return true;
                }
            }
        }

        return false;
    }

    // River's test, operation for operation: |u₀/n₀ − u₁/n₁| > √(2·m⁻¹·σ²·δ') + ⅔δ'·m⁻¹. The pre-test above only
    // skips cuts this would reject too (ε ≥ √(2·m⁻¹·σ²·δ'); its 1e-9 margin dwarfs every rounding error).
    private static bool Cut(double n0, double n1, double u0, double u1, double deltaPrime, double varianceInWindow, double twoThirdsDeltaPrime, double mwl)
    {
        double deltaMean = (u0 / n0) - (u1 / n1);
        double mRecip = (1.0 / (n0 - mwl + 1)) + (1.0 / (n1 - mwl + 1));
        double epsilon = Math.Sqrt(2 * mRecip * varianceInWindow * deltaPrime) + (twoThirdsDeltaPrime * mRecip);
        return Math.Abs(deltaMean) > epsilon;
    }

    private void EnsureRows(int rows)
    {
        if (rows <= _counts.Length)
        {
            return;
        }

        int capacity = Math.Max(rows, _counts.Length * 2);
        Array.Resize(ref _counts, capacity);
        Array.Resize(ref _totals, capacity * _rowCapacity);
        Array.Resize(ref _variances, capacity * _rowCapacity);
    }

    /// <summary>The serialised state.</summary>
    internal sealed class State
    {
        [JsonPropertyName("rows")]
        public RowState[] Rows { get; set; } = [];

        [JsonPropertyName("width")]
        public double Width { get; set; }

        [JsonPropertyName("total")]
        public double Total { get; set; }

        [JsonPropertyName("variance")]
        public double Variance { get; set; }

        [JsonPropertyName("tick")]
        public long Tick { get; set; }

        [JsonPropertyName("drift")]
        public bool Drift { get; set; }

        [JsonPropertyName("detections")]
        public long Detections { get; set; }
    }

    /// <summary>One row of buckets, oldest first.</summary>
    internal sealed class RowState
    {
        [JsonPropertyName("totals")]
        public double[] Totals { get; set; } = [];

        [JsonPropertyName("variances")]
        public double[] Variances { get; set; } = [];
    }
}
