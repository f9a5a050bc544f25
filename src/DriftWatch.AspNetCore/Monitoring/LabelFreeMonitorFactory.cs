using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Multivariate;
using DriftWatch.Quality;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>
/// Creates the <see cref="LabelFreeMonitor"/> of each model and exports its results on the <c>DriftWatch</c> meter:
/// <c>driftwatch_model_estimated_{accuracy,precision,recall,f1,roc_auc}</c> with <c>_lower</c>/<c>_upper</c> (confidence
/// bounds) and <c>_threshold_lower</c>/<c>_threshold_upper</c>, <c>driftwatch_reconstruction_error</c> with its thresholds,
/// <c>driftwatch_reconstruction_drift_detected</c> and <c>driftwatch_outliers_total</c>.
/// </summary>
/// <remarks>
/// The gauges read each monitor's <see cref="LabelFreeMonitor.Latest"/> snapshot at scrape time and never evaluate:
/// <see cref="LabelFreeEvaluationHostedService"/> evaluates on its timer. A model without an evaluation yet exports none
/// of these series.
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed class LabelFreeMonitorFactory : IPredictionObserverFactory
{
    /// <summary>The observer name in logs and in <c>driftwatch_monitor_errors_total{observer}</c>.</summary>
    public const string ObserverName = "label-free";

    private static readonly (CbpeMetric Metric, string Name)[] Exported =
    [
        (CbpeMetric.Accuracy, "accuracy"),
        (CbpeMetric.Precision, "precision"),
        (CbpeMetric.Recall, "recall"),
        (CbpeMetric.F1, "f1"),
        (CbpeMetric.RocAuc, "roc_auc"),
    ];

    private readonly ConcurrentDictionary<string, (LabelFreeMonitor Monitor, KeyValuePair<string, object?>[] Tags)> _monitors = new(StringComparer.Ordinal);
    public LabelFreeMonitorFactory(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(DriftWatchConstants.MeterName);
        foreach (var (metric, name) in Exported)
        {
            var prefix = "driftwatch.model.estimated_" + name;
            meter.CreateObservableGauge(prefix, () => Estimates(metric, e => e.Value), unit: null, $"CBPE estimate of {name} over the last rows, without labels.");
            meter.CreateObservableGauge(prefix + ".lower", () => Estimates(metric, e => e.LowerBound), unit: null, $"Lower confidence bound (estimate − 3 sampling errors) of the {name} estimate.");
            meter.CreateObservableGauge(prefix + ".upper", () => Estimates(metric, e => e.UpperBound), unit: null, $"Upper confidence bound (estimate + 3 sampling errors) of the {name} estimate.");
            meter.CreateObservableGauge(prefix + ".threshold_lower", () => Estimates(metric, e => e.LowerThreshold), unit: null, $"Alert threshold below which the {name} estimate alerts (reference mean − 3σ).");
            meter.CreateObservableGauge(prefix + ".threshold_upper", () => Estimates(metric, e => e.UpperThreshold), unit: null, $"Alert threshold above which the {name} estimate alerts (reference mean + 3σ).");
        }

        meter.CreateObservableGauge("driftwatch.reconstruction.error", () => Reconstruction(r => r.MeanError), unit: null, "Mean PCA reconstruction error of the last rows (multivariate drift).");
        meter.CreateObservableGauge("driftwatch.reconstruction.error.threshold_lower", () => Reconstruction(r => r.LowerThreshold), unit: null, "Lower alert threshold of the reconstruction error.");
        meter.CreateObservableGauge("driftwatch.reconstruction.error.threshold_upper", () => Reconstruction(r => r.UpperThreshold), unit: null, "Upper alert threshold of the reconstruction error.");
        meter.CreateObservableGauge("driftwatch.reconstruction.drift_detected", () => Reconstruction(r => r.Alert ? 1 : 0), unit: null, "1 when the reconstruction error is outside its thresholds.");
        meter.CreateObservableCounter("driftwatch.outliers", OutlierMeasurements, "{row}", "Rows whose reconstruction error exceeds the reference's 99.9th percentile.");
    }

    public string Name => ObserverName;

    public IPredictionObserver? Create(ServedModel model)
    {
        if (model.Reference is null)
        {
            return null;
        }

        var monitor = new LabelFreeMonitor(model);
        _monitors[model.Name] = (monitor, [new("model", model.Model.Name), new("model_version", model.Model.Version)]);
        return monitor;
    }

    /// <summary>Finds the label-free monitor of a served model.</summary>
    /// <param name="model">The served model's name.</param>
    /// <returns>The monitor, or <see langword="null"/> when the model has none (no reference).</returns>
    public LabelFreeMonitor? Find(string model) => _monitors.TryGetValue(model, out var entry) ? entry.Monitor : null;

    /// <summary>Gets the current monitor of every model (a reloaded model's replaces its previous version's).</summary>
    /// <returns>A copy of the monitors.</returns>
    public LabelFreeMonitor[] Monitors() => [.. _monitors.Values.Select(e => e.Monitor)];

    private IEnumerable<Measurement<double>> Estimates(CbpeMetric metric, Func<CbpeMetricEstimate, double> select)
    {
        foreach (var (monitor, tags) in _monitors.Values)
        {
            if (monitor.Latest?.Estimate is { } estimate && select(estimate[metric]) is var value && double.IsFinite(value))
            {
                yield return new Measurement<double>(value, tags);
            }
        }
    }

    private IEnumerable<Measurement<double>> Reconstruction(Func<ReconstructionDriftResult, double> select)
    {
        foreach (var (monitor, tags) in _monitors.Values)
        {
            if (monitor.Latest?.Reconstruction is { } result && select(result) is var value && double.IsFinite(value))
            {
                yield return new Measurement<double>(value, tags);
            }
        }
    }

    private IEnumerable<Measurement<long>> OutlierMeasurements()
    {
        foreach (var (monitor, tags) in _monitors.Values)
        {
            if (monitor.Latest is not null)
            {
                yield return new Measurement<long>(monitor.Outliers, tags);
            }
        }
    }
}
