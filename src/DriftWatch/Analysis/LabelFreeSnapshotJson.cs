using System.Text.Json;
using DriftWatch.Quality;

namespace DriftWatch.Analysis;

/// <summary>
/// Writes a <see cref="LabelFreeSnapshot"/> as the <c>label_free</c> and <c>ranking</c> members of a drift snapshot object.
/// </summary>
/// <remarks>
/// <para><c>label_free</c>: {rows, estimated: {accuracy, precision, recall, specificity, f1, roc_auc: {value,
/// sampling_error, lower, upper, threshold_lower, threshold_upper, alert, realized}} or null, reconstruction: {rows,
/// error, sampling_error, threshold_lower, threshold_upper, drift_detected, outlier_threshold, outlier_count, outliers:
/// [{row, error, unusual_features: [{feature, residual, share}]}]} or null, error}. <c>lower</c>/<c>upper</c> are the
/// confidence bounds (estimate ± 3 sampling errors, clipped to [0, 1]); <c>threshold_*</c> the alert thresholds.</para>
/// <para><c>ranking</c>: the drifted features only (those whose method detected drift), by importance-weighted drift
/// score, largest first: [{rank, feature, method, score, severity, importance_share, weighted_score, explanation}].</para>
/// <para>Without a label-free evaluation (no reference, or fewer rows than needed) both members are written as null.
/// NaN and ±Inf are written as null.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class LabelFreeSnapshotJson
{
    private static readonly (CbpeMetric Metric, string Name)[] Metrics =
    [
        (CbpeMetric.Accuracy, "accuracy"),
        (CbpeMetric.Precision, "precision"),
        (CbpeMetric.Recall, "recall"),
        (CbpeMetric.Specificity, "specificity"),
        (CbpeMetric.F1, "f1"),
        (CbpeMetric.RocAuc, "roc_auc"),
    ];

    /// <summary>Writes the <c>label_free</c> and <c>ranking</c> members into the current JSON object.</summary>
    /// <param name="writer">The writer, positioned inside an object.</param>
    /// <param name="snapshot">The label-free evaluation, or <see langword="null"/> (both members written as null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteProperties(Utf8JsonWriter writer, LabelFreeSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (snapshot is null)
        {
            writer.WriteNull("label_free");
            writer.WriteNull("ranking");
            return;
        }

        writer.WriteStartObject("label_free");
        writer.WriteNumber("rows", snapshot.Rows);
        writer.WritePropertyName("estimated");
        if (snapshot.Estimate is { } estimate)
        {
            writer.WriteStartObject();
            foreach (var (metric, name) in Metrics)
            {
                var e = estimate[metric];
                writer.WriteStartObject(name);
                Number(writer, "value", e.Value);
                Number(writer, "sampling_error", e.SamplingError);
                Number(writer, "lower", e.LowerBound);
                Number(writer, "upper", e.UpperBound);
                Number(writer, "threshold_lower", e.LowerThreshold);
                Number(writer, "threshold_upper", e.UpperThreshold);
                writer.WriteBoolean("alert", e.Alert);
                Number(writer, "realized", e.Realized);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("reconstruction");
        if (snapshot.Reconstruction is { } r)
        {
            writer.WriteStartObject();
            writer.WriteNumber("rows", r.Rows);
            Number(writer, "error", r.MeanError);
            Number(writer, "sampling_error", r.SamplingError);
            Number(writer, "threshold_lower", r.LowerThreshold);
            Number(writer, "threshold_upper", r.UpperThreshold);
            writer.WriteBoolean("drift_detected", r.Alert);
            Number(writer, "outlier_threshold", r.OutlierThreshold);
            writer.WriteNumber("outlier_count", r.OutlierCount);
            writer.WriteStartArray("outliers");
            foreach (var outlier in r.Outliers)
            {
                writer.WriteStartObject();
                writer.WriteNumber("row", outlier.RowIndex);
                Number(writer, "error", outlier.Error);
                writer.WriteStartArray("unusual_features");
                foreach (var f in outlier.UnusualFeatures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("feature", f.Feature);
                    Number(writer, "residual", f.Residual);
                    Number(writer, "share", f.Share);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        if (snapshot.Error is null)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteString("error", snapshot.Error);
        }

        writer.WriteEndObject();

        writer.WriteStartArray("ranking");
        foreach (var d in snapshot.Ranking.Where(d => d.Detected))
        {
            writer.WriteStartObject();
            writer.WriteNumber("rank", d.Rank);
            writer.WriteString("feature", d.Feature);
            writer.WriteString("method", d.Method);
            Number(writer, "score", d.Score);
            Number(writer, "severity", d.Severity);
            Number(writer, "importance_share", d.ImportanceShare);
            Number(writer, "weighted_score", d.WeightedScore);
            if (d.Explanation is null)
            {
                writer.WriteNull("explanation");
            }
            else
            {
                writer.WriteString("explanation", d.Explanation);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
