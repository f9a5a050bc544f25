using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Integrity;
using DriftWatch.Profiles;
using DriftWatch.Statistics;

namespace DriftWatch.Monitoring;

/// <content>Evaluation: the window against the reference, through the shared analyzer.</content>
public sealed partial class DriftMonitor
{
    private Dataset? _predictionReference;

    /// <summary>Evaluates the current windows against the reference and publishes the result as <see cref="Latest"/>.</summary>
    /// <returns>The new snapshot.</returns>
    /// <remarks>Analysis errors (a method that cannot be applied, say) do not throw: the snapshot carries them in
    /// <see cref="DriftSnapshot.Error"/>, and the integrity, quality and concept sections are still filled.</remarks>
    public DriftSnapshot Evaluate()
    {
        var now = _time.GetUtcNow();
        WindowCopy copy;
        long total;
        long[][] timeCounts;
        long timeRows;
        long[] missing, outOfRange, unseen;
        lock (_gate)
        {
            copy = _window.Copy();
            total = _rows;
            (timeCounts, timeRows) = _timeWindow.Merge(now);
            missing = [.. _missing];
            outOfRange = [.. _outOfRange];
            unseen = [.. _unseen];
        }

        var (quality, concept) = ReadOutcomes();
        DriftReport? report = null;
        ColumnDriftResult? prediction = null;
        string? error = null;
        if (copy.Rows.RowCount >= _options.MinimumRows)
        {
            try
            {
                report = AnalyzeFeatures(copy.Rows);
                prediction = AnalyzePrediction(copy.Predictions);
            }
            catch (Exception ex) when (ex is DriftAnalysisException or DriftMethodException)
            {
                error = ex.Message;
            }
        }

        var windowCounts = IntegrityChecker.Count(Profile, copy.Rows);
        var faults = IntegrityChecker.FindFaults(
            Profile, Recent(copy.Rows, _options.IntegrityRows), _options.IntegrityFaultShare, _options.SwapMinimumDistance, _options.SwapRatio);
        var integrity = new FeatureIntegrityCounts[Profile.Features.Count];
        for (var f = 0; f < integrity.Length; f++)
        {
            integrity[f] = new FeatureIntegrityCounts(
                Profile.Features[f].Name,
                missing[f],
                outOfRange[f],
                unseen[f],
                Interlocked.Read(ref _wrongType[f]),
                windowCounts[f][0],
                windowCounts[f][1],
                windowCounts[f][2]);
        }

        var snapshot = new DriftSnapshot(
            Interlocked.Increment(ref _sequence),
            now,
            total,
            copy.Rows.RowCount,
            report,
            prediction,
            concept,
            quality,
            new IntegrityReport(integrity, WithWrongTypeFaults(faults, total, now)),
            TimeWindowDrifts(timeCounts, timeRows),
            _options.TimeBucketWidth * _options.TimeBucketCount,
            error)
        {
            Window = copy.Rows,
        };
        Volatile.Write(ref _latest, snapshot);
        return snapshot;
    }

    private DriftSnapshot EmptySnapshot()
    {
        var (quality, concept) = ReadOutcomes();
        var integrity = Profile.Features.Select(f => new FeatureIntegrityCounts(f.Name, 0, 0, 0, 0, 0, 0, 0)).ToArray();
        return new DriftSnapshot(
            0, _time.GetUtcNow(), 0, 0, null, null, concept, quality, new IntegrityReport(integrity, []), [],
            _options.TimeBucketWidth * _options.TimeBucketCount, null);
    }

    private DriftReport AnalyzeFeatures(Dataset window)
    {
        var reference = Profile.SampleDataset;
        if (_options.FeatureMethods.Count == 0)
        {
            return DriftAnalyzer.Analyze(reference, window, AnalysisOptions(null, Profile.Features));
        }

        // Features with a configured method are analysed per method; the rest with the automatic choice. The dataset
        // verdict is then recomputed over all features, as the analyzer computes it.
        var groups = Profile.Features
            .GroupBy(f => _options.FeatureMethods.TryGetValue(f.Name, out var m) ? m : string.Empty, StringComparer.Ordinal);
        var results = new Dictionary<string, ColumnDriftResult>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var names = group.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var part = DriftAnalyzer.Analyze(
                Select(reference, names), Select(window, names), AnalysisOptions(group.Key.Length == 0 ? null : group.Key, [.. group]));
            foreach (var column in part.Columns)
            {
                results[column.Column] = column;
            }
        }

        var columns = Profile.Features.Where(f => results.ContainsKey(f.Name)).Select(f => results[f.Name]).ToArray();
        var drifted = columns.Count(c => c.Result.Detected);
        var share = columns.Length == 0 ? 0 : drifted / (double)columns.Length;
        return new DriftReport(
            _options.Profile,
            reference.RowCount,
            window.RowCount,
            new DatasetDriftSummary(drifted, columns.Length, share, _options.DatasetDriftShare, share >= _options.DatasetDriftShare),
            columns);
    }

    private ColumnDriftResult? AnalyzePrediction(double[] scores)
    {
        if (Profile.Prediction is not { Count: > 0 } prediction)
        {
            return null;
        }

        var finite = 0;
        foreach (var s in scores)
        {
            if (double.IsFinite(s))
            {
                finite++;
            }
        }

        if (finite < _options.MinimumRows)
        {
            return null;
        }

        _predictionReference ??= new Dataset(
            "reference predictions", [new DatasetColumn(ReferenceProfile.PredictionName, ValueKind.Float, prediction.SampleArray, null)]);
        var current = new Dataset("window predictions", [new DatasetColumn(ReferenceProfile.PredictionName, ValueKind.Float, scores, null)]);
        var options = new DriftAnalysisOptions
        {
            Profile = _options.Profile,
            Threshold = _options.Threshold,
            Methods = _options.PredictionMethod is null ? [] : [_options.PredictionMethod],
            Numerical = new HashSet<string>(StringComparer.Ordinal) { ReferenceProfile.PredictionName },
        };
        var report = DriftAnalyzer.Analyze(_predictionReference, current, options);
        return report.Columns.Count == 0 ? null : report.Columns[0];
    }

    private DriftAnalysisOptions AnalysisOptions(string? method, IEnumerable<FeatureProfile> features)
    {
        var options = new DriftAnalysisOptions
        {
            Profile = _options.Profile,
            Threshold = _options.Threshold,
            DatasetDriftShare = _options.DatasetDriftShare,
            Methods = method is null ? [] : [method],
        };
        foreach (var f in features)
        {
            (f.Type == ColumnType.Numerical ? options.Numerical : options.Categorical).Add(f.Name);
        }

        return options;
    }

    private static Dataset Recent(Dataset rows, int count)
    {
        if (rows.RowCount <= count)
        {
            return rows;
        }

        var start = rows.RowCount - count;
        return new Dataset(rows.Source, [.. rows.Columns.Select(c => new DatasetColumn(
            c.Name, c.Kind, c.Numbers?[start..], c.Strings?[start..]))]);
    }

    private static Dataset Select(Dataset data, HashSet<string> names) =>
        new(data.Source, [.. data.Columns.Where(c => names.Contains(c.Name))]);

    private TimeWindowDrift[] TimeWindowDrifts(long[][] counts, long rows)
    {
        var result = new TimeWindowDrift[Profile.Features.Count];
        for (var f = 0; f < result.Length; f++)
        {
            var feature = Profile.Features[f];
            var psi = BinnedPsi(feature, counts[f]);
            result[f] = new TimeWindowDrift(feature.Name, rows, psi, psi >= _options.TimeWindowPsiThreshold);
        }

        return result;
    }

    /// <summary>PSI = Σ (c − r) · ln(c / r) over the profile's bins plus the unseen slot, proportions floored at 1e-4 as in Evidently.</summary>
    private static double BinnedPsi(FeatureProfile feature, long[] slots)
    {
        // slots: k bins, unseen, missing.
        var k = slots.Length - 2;
        long present = 0;
        for (var i = 0; i <= k; i++)
        {
            present += slots[i];
        }

        if (present < 100 || feature.Count == 0)
        {
            return double.NaN;
        }

        const double Floor = 1e-4;
        double psi = 0;
        for (var i = 0; i <= k; i++)
        {
            double reference;
            if (i == k)
            {
                reference = 0;
            }
            else if (feature.Type == ColumnType.Numerical)
            {
                reference = feature.CdfArray[i] - (i == 0 ? 0 : feature.CdfArray[i - 1]);
            }
            else
            {
                reference = feature.CategoryCountArray[i] / (double)feature.Count;
            }

            var current = Math.Max(slots[i] / (double)present, Floor);
            reference = Math.Max(reference, Floor);
            psi += (current - reference) * Math.Log(current / reference);
        }

        return psi;
    }
}
