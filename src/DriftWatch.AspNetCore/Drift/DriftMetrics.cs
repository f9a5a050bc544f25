using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Statistics;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>
/// The drift instruments on the <c>DriftWatch</c> meter, read at scrape time from each monitor's latest snapshot and
/// counters: <c>driftwatch_feature_drift_score{feature,method}</c>, <c>driftwatch_feature_drift_detected{feature}</c>,
/// <c>driftwatch_dataset_drift_share</c>, <c>driftwatch_dataset_drift_detected</c>,
/// <c>driftwatch_prediction_drift_score{method}</c>, <c>driftwatch_concept_drift_detections_total{detector}</c>,
/// <c>driftwatch_feature_observations_total{feature,le}</c> (cumulative counts at the profile's edges) and
/// <c>driftwatch_feature_reference_ratio{feature,le}</c> (the reference CDF at the same edges, same <c>le</c> strings),
/// plus <c>driftwatch_integrity_faults{kind}</c> (faults in the latest snapshot).
/// </summary>
/// <remarks><threadsafety>Thread-safe: callbacks only read immutable snapshots and consistent counter copies.</threadsafety></remarks>
internal sealed class DriftMetrics
{
    private readonly DriftMonitorRegistry _registry;

    public DriftMetrics(IMeterFactory meterFactory, DriftMonitorRegistry registry)
    {
        _registry = registry;
        var meter = meterFactory.Create(DriftWatchConstants.MeterName);
        meter.CreateObservableGauge("driftwatch.feature.drift.score", FeatureScores, null, "Per-feature drift score of the latest evaluation (p-value for tests, distance for distances).");
        meter.CreateObservableGauge("driftwatch.feature.drift.detected", FeatureDetected, null, "1 when the feature drifted in the latest evaluation.");
        meter.CreateObservableGauge("driftwatch.dataset.drift.share", () => Dataset(s => s.Share), null, "Share of drifted features in the latest evaluation.");
        meter.CreateObservableGauge("driftwatch.dataset.drift.detected", () => Dataset(s => s.Detected ? 1 : 0), null, "1 when the share of drifted features reached the threshold.");
        meter.CreateObservableGauge("driftwatch.prediction.drift.score", PredictionScores, null, "Drift score of the model's outputs against its reference predictions.");
        meter.CreateObservableCounter("driftwatch.concept.drift.detections", ConceptDetections, "{detection}", "Drifts signalled by the online detector on the labelled error stream.");
        meter.CreateObservableCounter("driftwatch.feature.observations", Observations, "{value}", "Observed values at or below each reference bin edge (cumulative, le in Prometheus float form).");
        meter.CreateObservableGauge("driftwatch.feature.reference.ratio", ReferenceRatios, null, "Reference share of values at or below each bin edge (same le strings as the observations).");
        meter.CreateObservableGauge("driftwatch.integrity.faults", IntegrityFaults, null, "Integrity faults found in the latest evaluation, by kind.");
    }

    private static KeyValuePair<string, object?> Model(ModelDriftObserver o) => new("model", o.Model.Name);

    private static KeyValuePair<string, object?> Version(ModelDriftObserver o) => new("model_version", o.Model.Model.Version);

    private IEnumerable<Measurement<double>> FeatureScores()
    {
        foreach (var o in _registry.Observers)
        {
            if (o.Monitor.Latest.Features is { } report)
            {
                foreach (var c in report.Columns)
                {
                    if (double.IsFinite(c.Result.Score))
                    {
                        yield return new(c.Result.Score, Model(o), Version(o), new("feature", c.Column), new("method", c.Result.Method));
                    }
                }
            }
        }
    }

    private IEnumerable<Measurement<int>> FeatureDetected()
    {
        foreach (var o in _registry.Observers)
        {
            if (o.Monitor.Latest.Features is { } report)
            {
                foreach (var group in report.Columns.GroupBy(c => c.Column, StringComparer.Ordinal))
                {
                    yield return new(group.Any(c => c.Result.Detected) ? 1 : 0, Model(o), Version(o), new("feature", group.Key));
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> Dataset(Func<Analysis.DatasetDriftSummary, double> select)
    {
        foreach (var o in _registry.Observers)
        {
            if (o.Monitor.Latest.Features is { } report)
            {
                yield return new(select(report.DatasetDrift), Model(o), Version(o));
            }
        }
    }

    private IEnumerable<Measurement<double>> PredictionScores()
    {
        foreach (var o in _registry.Observers)
        {
            if (o.Monitor.Latest.PredictionDrift is { } p && double.IsFinite(p.Result.Score))
            {
                yield return new(p.Result.Score, Model(o), Version(o), new("method", p.Result.Method));
            }
        }
    }

    private IEnumerable<Measurement<long>> ConceptDetections()
    {
        foreach (var o in _registry.Observers)
        {
            var counters = o.Monitor.ReadCounters();
            yield return new(counters.ConceptDriftDetections, Model(o), Version(o), new("detector", o.Monitor.Options.Detector));
        }
    }

    private IEnumerable<Measurement<long>> Observations()
    {
        foreach (var o in _registry.Observers)
        {
            var monitor = o.Monitor;
            var counters = monitor.ReadCounters();
            for (var f = 0; f < monitor.Profile.Features.Count; f++)
            {
                var feature = monitor.Profile.Features[f];
                if (feature.Type != ColumnType.Numerical)
                {
                    continue;
                }

                long cumulative = 0;
                var bins = counters.Features[f].Bins;
                for (var b = 0; b < bins.Count; b++)
                {
                    cumulative += bins[b];
                    yield return new(cumulative, Model(o), Version(o), new("feature", feature.Name), new("le", feature.EdgeLabels[b]));
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> ReferenceRatios()
    {
        foreach (var o in _registry.Observers)
        {
            foreach (var feature in o.Monitor.Profile.Features)
            {
                if (feature.Type != ColumnType.Numerical)
                {
                    continue;
                }

                for (var b = 0; b < feature.Edges.Count; b++)
                {
                    yield return new(feature.ReferenceCdf[b], Model(o), Version(o), new("feature", feature.Name), new("le", feature.EdgeLabels[b]));
                }
            }
        }
    }

    private IEnumerable<Measurement<int>> IntegrityFaults()
    {
        foreach (var o in _registry.Observers)
        {
            var faults = o.Monitor.Latest.Integrity.Faults;
            foreach (Integrity.IntegrityFaultKind kind in Enum.GetValues<Integrity.IntegrityFaultKind>())
            {
                yield return new(faults.Count(f => f.Kind == kind), Model(o), Version(o), new("kind", Integrity.IntegrityFaultKinds.GetName(kind)));
            }
        }
    }
}
