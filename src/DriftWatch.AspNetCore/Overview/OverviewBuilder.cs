using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Quality;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Overview;

/// <summary>Gathers <see cref="OverviewData"/> from the in-process counters, monitors and alert board.</summary>
/// <remarks>Reads only what is already computed: the latest drift snapshot (no evaluation is triggered), the quality
/// window, the label-free monitor's latest estimate and the traffic counters. Latency is the mean (and a histogram p99) of the service's own
/// request timings; nothing is shown that the process does not measure.</remarks>
internal static class OverviewBuilder
{
    public static OverviewData Build(DriftWatchRuntime runtime, DriftMonitorRegistry drift, AlertBoard alerts)
    {
        var models = new List<OverviewModel>();
        foreach (var entry in runtime.Registry.Entries)
        {
            models.Add(Model(entry, drift));
        }

        var firing = alerts.Firing().Select(a => new OverviewAlert(
            a.Name,
            a.Labels.GetValueOrDefault("severity", "?"),
            a.Annotations.GetValueOrDefault("summary", string.Empty),
            a.StartsAt)).ToList();
        return new OverviewData(runtime.TimeProvider.GetUtcNow(), models, firing);
    }

    private static OverviewModel Model(ModelEntry entry, DriftMonitorRegistry drift)
    {
        var name = entry.Served.Name;
        var quality = entry.Quality?.Window.Compute();
        var labelled = quality?.Count ?? 0;
        double? accuracy = labelled > 0 && entry.Model.Task != ModelTask.Regression ? quality!.Value.Accuracy : null;
        double? mae = labelled > 0 && entry.Model.Task == ModelTask.Regression ? quality!.Value.Mae : null;
        var estimate = entry.Observers.Select(o => o.Observer).OfType<LabelFreeMonitor>().FirstOrDefault()?.Latest?.Estimate;
        double? estimated = estimate is null ? null : Finite(estimate[CbpeMetric.Accuracy].Value);
        var status = drift.TryGetMonitor(name, out var monitor) ? Drift(monitor.Latest) : null;
        return new OverviewModel(
            name,
            entry.Model.Version,
            ModelTasks.GetName(entry.Model.Task),
            entry.Model.Schema.Count,
            entry.Traffic.Predictions,
            entry.Traffic.Requests,
            entry.Traffic.MeanLatencyMilliseconds,
            entry.Traffic.LatencyQuantileMilliseconds(0.99),
            labelled,
            accuracy is { } a ? Finite(a) : null,
            mae is { } m ? Finite(m) : null,
            estimated,
            status);
    }

    private static OverviewDrift Drift(DriftSnapshot snapshot)
    {
        var evaluated = snapshot.Sequence > 0;
        return new OverviewDrift(
            evaluated,
            evaluated ? snapshot.EvaluatedAt : null,
            snapshot.WindowRows,
            snapshot.Features?.DatasetDrift.Detected,
            snapshot.Features?.DatasetDrift.Share,
            snapshot.DriftedFeatures,
            [.. snapshot.Integrity.Faults.Select(f => f.Message)],
            snapshot.Error);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
