using System.Text.Json;
using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Saving and restoring the state.</summary>
public sealed partial class Adwin
{
    /// <inheritdoc/>
    public string SaveSnapshot()
    {
        // The snapshot holds River's rows: merge the buffered values first (this changes no observable state).
        Sync();
        CatchUp();
        MergePending();
        Arm();
        var rows = new RowState[_rows];
        for (int r = 0; r < _rows; r++)
        {
            int start = r * _stride;
            rows[r] = new RowState
            {
                Totals = _totals.AsSpan(start, _counts[r]).ToArray(),
                Variances = r == 0 ? new double[_counts[0]] : _variances.AsSpan(start, _counts[r]).ToArray(),
            };
        }

        var state = new State { Rows = rows, Width = _width, Total = _total, Variance = _variance, Tick = _tick, Drift = _drift, Detections = _detections };
        return DetectorJson.Write(DetectorName, _options, _skipped, state);
    }

    /// <summary>Restores a detector from <see cref="SaveSnapshot"/>'s text.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="JsonException">The state is inconsistent with the options.</exception>
    internal static Adwin Restore(string json)
    {
        var snapshot = DetectorJson.Read<AdwinOptions, State>(json);
        var s = snapshot.State;
        var adwin = new Adwin(snapshot.Options);
        if (s.Rows.Length == 0)
        {
            throw new JsonException("An ADWIN snapshot has at least one row.");
        }

        if (s.Tick < 0)
        {
            throw new JsonException("An ADWIN snapshot's tick is negative.");
        }

        adwin.EnsureRows(s.Rows.Length);
        double absoluteSum = Math.Abs(s.Total);
        for (int r = 0; r < s.Rows.Length; r++)
        {
            var row = s.Rows[r];
            if (row.Totals.Length > adwin._maxBuckets || row.Variances.Length != row.Totals.Length)
            {
                throw new JsonException("An ADWIN snapshot row does not fit max_buckets.");
            }

            if (r == 0 && row.Variances.Any(v => v != 0))
            {
                throw new JsonException("An ADWIN snapshot's first row holds single values, whose variance is 0.");
            }

            row.Totals.CopyTo(adwin._totals, r * adwin._stride);
            row.Variances.CopyTo(adwin._variances, r * adwin._stride);
            adwin._counts[r] = row.Totals.Length;
            foreach (double t in row.Totals)
            {
                absoluteSum += Math.Abs(t);
            }
        }

        adwin._rows = s.Rows.Length;
        adwin._fill = adwin._counts[0];
        adwin._accounted = adwin._fill;
        adwin._absoluteSum = absoluteSum;
        adwin._width = s.Width;
        adwin._total = s.Total;
        adwin._variance = s.Variance;
        adwin._tick = s.Tick;
        adwin._untilTick = adwin._clock - (int)(s.Tick % adwin._clock);
        adwin.Arm();
        adwin._drift = s.Drift;
        adwin._detections = s.Detections;
        adwin._skipped = snapshot.Skipped;
        return adwin;
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
