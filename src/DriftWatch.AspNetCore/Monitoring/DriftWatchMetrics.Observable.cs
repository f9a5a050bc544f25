using System.Diagnostics.Metrics;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Monitoring;

/// <content>Observable instruments read at scrape time.</content>
internal sealed partial class DriftWatchMetrics
{
    private void CreateQualityInstruments(Meter meter)
    {
        Gauge(meter, "driftwatch.model.accuracy", "Accuracy over the last N labelled predictions.", ModelTask.BinaryClassification, s => s.Accuracy);
        Gauge(meter, "driftwatch.model.precision", "Precision over the last N labelled predictions.", ModelTask.BinaryClassification, s => s.Precision);
        Gauge(meter, "driftwatch.model.recall", "Recall over the last N labelled predictions.", ModelTask.BinaryClassification, s => s.Recall);
        Gauge(meter, "driftwatch.model.f1", "F1 over the last N labelled predictions.", ModelTask.BinaryClassification, s => s.F1);
        Gauge(meter, "driftwatch.model.roc_auc", "ROC AUC over the last N labelled predictions.", ModelTask.BinaryClassification, s => s.RocAuc);
        Gauge(meter, "driftwatch.model.mae", "Mean absolute error over the last N labelled predictions.", ModelTask.Regression, s => s.Mae);
        Gauge(meter, "driftwatch.model.rmse", "Root mean squared error over the last N labelled predictions.", ModelTask.Regression, s => s.Rmse);
        meter.CreateObservableCounter("driftwatch.labelled_predictions", LabelledMeasurements, "{prediction}", "Labelled predictions by outcome (correct, incorrect).");
        meter.CreateObservableCounter("driftwatch.labelled.absolute_error", () => ErrorMeasurements(squared: false), null, "Sum of absolute errors of labelled predictions (regression).");
        meter.CreateObservableCounter("driftwatch.labelled.squared_error", () => ErrorMeasurements(squared: true), null, "Sum of squared errors of labelled predictions (regression).");
    }

    private void CreateInputInstruments(Meter meter)
    {
        meter.CreateObservableCounter("driftwatch.feature.missing", () => FeatureMeasurements(static (m, f) => m.Missing(f), numericOnly: false), "{value}", "Missing values per feature in served rows.");
        meter.CreateObservableCounter("driftwatch.feature.out_of_range", () => FeatureMeasurements(static (m, f) => m.OutOfRange(f), numericOnly: true), "{value}", "Numeric values outside the training range per feature.");
        meter.CreateObservableCounter("driftwatch.feature.wrong_type", () => FeatureMeasurements(static (m, f) => m.WrongType(f), numericOnly: false), "{value}", "Values of the wrong JSON type per feature, in rejected requests.");
        meter.CreateObservableCounter("driftwatch.feature.category.observations", CategoryMeasurements, "{value}", "Categorical values per feature and known category (others in __other__).");
        meter.CreateObservableCounter("driftwatch.input.violations", ViolationMeasurements, "{value}", "Input problems by kind, in served rows and rejected requests.");
    }

    private void Gauge(Meter meter, string name, string description, ModelTask task, Func<QualitySnapshot, double> select) =>
        meter.CreateObservableGauge(name, () => QualityMeasurements(task, select), unit: null, description);

    private IEnumerable<Measurement<double>> QualityMeasurements(ModelTask task, Func<QualitySnapshot, double> select)
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Quality is { } q && q.Task == task && q.Window.Count > 0)
            {
                var value = select(q.Window.Compute());
                if (!double.IsNaN(value))
                {
                    yield return new Measurement<double>(value, entry.ModelTag, entry.VersionTag);
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> LabelledMeasurements()
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Quality is { Task: ModelTask.BinaryClassification } q)
            {
                yield return new Measurement<long>(q.Correct, entry.ModelTag, entry.VersionTag, new("outcome", "correct"));
                yield return new Measurement<long>(q.Incorrect, entry.ModelTag, entry.VersionTag, new("outcome", "incorrect"));
            }
        }
    }

    private IEnumerable<Measurement<double>> ErrorMeasurements(bool squared)
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Quality is { Task: ModelTask.Regression } q)
            {
                var (absolute, square) = q.Errors;
                yield return new Measurement<double>(squared ? square : absolute, entry.ModelTag, entry.VersionTag);
            }
        }
    }

    private IEnumerable<Measurement<long>> FeatureMeasurements(Func<InputMonitor, int, long> read, bool numericOnly)
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Inputs is not { } inputs)
            {
                continue;
            }

            for (var f = 0; f < inputs.Schema.Count; f++)
            {
                var feature = inputs.Schema.Features[f];
                if (!numericOnly || feature.Kind == FeatureKind.Numeric)
                {
                    yield return new Measurement<long>(read(inputs, f), entry.ModelTag, entry.VersionTag, new("feature", feature.Name));
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> CategoryMeasurements()
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Inputs is not { } inputs)
            {
                continue;
            }

            for (var f = 0; f < inputs.Schema.Count; f++)
            {
                var feature = inputs.Schema.Features[f];
                if (feature.Kind != FeatureKind.Categorical)
                {
                    continue;
                }

                var labels = inputs.CategoryLabels[f];
                for (var slot = 0; slot < labels.Length; slot++)
                {
                    yield return new Measurement<long>(
                        inputs.Category(f, slot), entry.ModelTag, entry.VersionTag, new("feature", feature.Name), new("category", labels[slot]));
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> ViolationMeasurements()
    {
        foreach (var entry in _registry.Entries)
        {
            if (entry.Inputs is not { } inputs)
            {
                continue;
            }

            for (var kind = 0; kind < InputViolationKinds.Names.Length; kind++)
            {
                yield return new Measurement<long>(inputs.Violations(kind), entry.ModelTag, entry.VersionTag, new("kind", InputViolationKinds.Names[kind]));
            }
        }
    }
}
