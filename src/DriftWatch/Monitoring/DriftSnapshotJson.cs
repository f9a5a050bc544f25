using System.Text;
using System.Text.Json;
using DriftWatch.Analysis;
using DriftWatch.Integrity;
using DriftWatch.Reports;

namespace DriftWatch.Monitoring;

/// <summary>
/// Writes a <see cref="DriftSnapshot"/> as JSON: the <c>driftwatch report</c> document (<c>profile</c>,
/// <c>reference_rows</c>, <c>current_rows</c>, <c>dataset_drift</c>, <c>columns</c>, written by
/// <see cref="DriftReportJson.WriteProperties"/>) plus the live sections.
/// </summary>
/// <remarks>
/// <para>Extra members: <c>model</c>, <c>sequence</c>, <c>evaluated_at</c>, <c>total_rows</c>, <c>window_rows</c>,
/// <c>prediction_drift</c> (a column entry, or null), <c>concept_drift</c> {detector, outcomes, detections, warning,
/// last_detection, last_detection_outcome}, <c>quality</c> {labelled, accuracy, mean_absolute_error, floor, below_floor},
/// <c>integrity</c> {features: [{feature, missing, out_of_range, unseen_category, wrong_type, window_missing,
/// window_out_of_range, window_unseen_category}], faults: [{kind, features, share, reference_share, message}]},
/// <c>time_window</c> {span_seconds, features: [{feature, rows, psi, detected}]}, <c>error</c>, and <c>label_free</c> and
/// <c>ranking</c> (see <see cref="LabelFreeSnapshotJson"/>; null when no label-free evaluation is given).</para>
/// <para>Before the window holds the minimum rows, <c>dataset_drift</c> is null and <c>columns</c> empty. NaN and ±Inf
/// are written as null.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class DriftSnapshotJson
{
    /// <summary>Serializes a snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="model">The model name, or <see langword="null"/>.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <param name="labelFree">The latest label-free evaluation, or <see langword="null"/>; see <see cref="LabelFreeSnapshotJson"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static string Serialize(DriftSnapshot snapshot, string? model = null, bool indented = true, LabelFreeSnapshot? labelFree = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, snapshot, model, labelFree);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a snapshot as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="model">The model name, or <see langword="null"/>.</param>
    /// <param name="labelFree">The latest label-free evaluation, or <see langword="null"/>; see <see cref="LabelFreeSnapshotJson"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, DriftSnapshot snapshot, string? model = null, LabelFreeSnapshot? labelFree = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        if (model is not null)
        {
            writer.WriteString("model", model);
        }

        writer.WriteNumber("sequence", snapshot.Sequence);
        writer.WriteString("evaluated_at", snapshot.EvaluatedAt);
        writer.WriteNumber("total_rows", snapshot.TotalRows);
        writer.WriteNumber("window_rows", snapshot.WindowRows);
        if (snapshot.Features is { } report)
        {
            DriftReportJson.WriteProperties(writer, report);
        }
        else
        {
            writer.WriteNull("dataset_drift");
            writer.WriteStartArray("columns");
            writer.WriteEndArray();
        }

        writer.WritePropertyName("prediction_drift");
        if (snapshot.PredictionDrift is { } p)
        {
            var r = p.Result;
            writer.WriteStartObject();
            writer.WriteString("column", p.Column);
            writer.WriteString("type", DriftReportJson.TypeName(p.Type));
            writer.WriteString("method", r.Method);
            Number(writer, "statistic", r.Statistic);
            Number(writer, "p_value", r.PValue);
            Number(writer, "score", r.Score);
            Number(writer, "threshold", r.Threshold);
            writer.WriteBoolean("detected", r.Detected);
            writer.WriteNumber("missing", p.Missing);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        var c = snapshot.Concept;
        writer.WriteStartObject("concept_drift");
        writer.WriteString("detector", c.Detector);
        writer.WriteNumber("outcomes", c.Outcomes);
        writer.WriteNumber("detections", c.Detections);
        writer.WriteBoolean("warning", c.Warning);
        if (c.LastDetection is { } at)
        {
            writer.WriteString("last_detection", at);
        }
        else
        {
            writer.WriteNull("last_detection");
        }

        writer.WriteNumber("last_detection_outcome", c.LastDetectionOutcome);
        writer.WriteEndObject();

        var q = snapshot.Quality;
        writer.WriteStartObject("quality");
        writer.WriteNumber("labelled", q.Labelled);
        Number(writer, "accuracy", q.Accuracy);
        Number(writer, "mean_absolute_error", q.MeanAbsoluteError);
        Number(writer, "floor", q.Floor);
        writer.WriteBoolean("below_floor", q.BelowFloor);
        writer.WriteEndObject();

        WriteIntegrity(writer, snapshot.Integrity);

        writer.WriteStartObject("time_window");
        writer.WriteNumber("span_seconds", snapshot.TimeWindowSpan.TotalSeconds);
        writer.WriteStartArray("features");
        foreach (var t in snapshot.TimeWindow)
        {
            writer.WriteStartObject();
            writer.WriteString("feature", t.Feature);
            writer.WriteNumber("rows", t.Rows);
            Number(writer, "psi", t.Psi);
            writer.WriteBoolean("detected", t.Detected);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (snapshot.Error is null)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteString("error", snapshot.Error);
        }

        LabelFreeSnapshotJson.WriteProperties(writer, labelFree);
        writer.WriteEndObject();
    }

    private static void WriteIntegrity(Utf8JsonWriter writer, IntegrityReport integrity)
    {
        writer.WriteStartObject("integrity");
        writer.WriteStartArray("features");
        foreach (var f in integrity.Features)
        {
            writer.WriteStartObject();
            writer.WriteString("feature", f.Feature);
            writer.WriteNumber("missing", f.Missing);
            writer.WriteNumber("out_of_range", f.OutOfRange);
            writer.WriteNumber("unseen_category", f.UnseenCategory);
            writer.WriteNumber("wrong_type", f.WrongType);
            writer.WriteNumber("window_missing", f.WindowMissing);
            writer.WriteNumber("window_out_of_range", f.WindowOutOfRange);
            writer.WriteNumber("window_unseen_category", f.WindowUnseenCategory);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("faults");
        foreach (var fault in integrity.Faults)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", IntegrityFaultKinds.GetName(fault.Kind));
            writer.WriteStartArray("features");
            foreach (var name in fault.Features)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            Number(writer, "share", fault.Share);
            Number(writer, "reference_share", fault.ReferenceShare);
            writer.WriteString("message", fault.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
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
