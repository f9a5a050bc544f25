using System.Text.Json;
using DriftWatch.Analysis;
using DriftWatch.Statistics;

namespace DriftWatch.Reports;

/// <summary>Writes a <see cref="DriftReport"/> as the JSON document of the <c>driftwatch report</c> contract.</summary>
/// <remarks>
/// <para>Shape: <c>{"profile", "reference_rows", "current_rows", "dataset_drift": {"drifted_columns", "columns",
/// "share", "threshold", "detected"}, "columns": [{"column", "type", "method", "statistic", "p_value", "score",
/// "threshold", "detected", "missing"}]}</c>. <c>statistic</c> and <c>p_value</c> are <c>null</c> where the method has
/// none; any NaN or ±Inf number is written as <c>null</c> (JSON has no such numbers).</para>
/// <para>Reuse: <see cref="WriteProperties"/> writes the members into an object the caller has opened, so a
/// service can add its own sections around them.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class DriftReportJson
{
    /// <summary>Maps a report to its JSON document.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static DriftReportDocument ToDocument(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = new ColumnDriftDocument[report.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var c = report.Columns[i];
            var r = c.Result;
            columns[i] = new ColumnDriftDocument(
                c.Column,
                TypeName(c.Type),
                r.Method,
                Finite(r.Statistic),
                Finite(r.PValue),
                Finite(r.Score),
                Finite(r.Threshold),
                r.Detected,
                c.Missing);
        }

        var d = report.DatasetDrift;
        return new DriftReportDocument(
            ProfileName(report.Profile),
            report.ReferenceRows,
            report.CurrentRows,
            new DatasetDriftDocument(d.DriftedColumns, d.Columns, Finite(d.Share), Finite(d.Threshold), d.Detected),
            columns);
    }

    /// <summary>Serializes a report to a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent (two spaces).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Serialize(DriftReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a report as a JSON object to a stream (UTF-8, indented).</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task WriteAsync(Stream stream, DriftReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            Write(writer, report);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a report as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(writer, ToDocument(report), DriftReportJsonContext.Default.DriftReportDocument);
    }

    /// <summary>Writes the report's members (<c>profile</c> … <c>columns</c>) into a JSON object that the caller has
    /// started, so that other sections can be written before or after them.</summary>
    /// <param name="writer">The writer, positioned inside an object.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteProperties(Utf8JsonWriter writer, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var doc = ToDocument(report);
        var info = DriftReportJsonContext.Default;
        writer.WriteString("profile", doc.Profile);
        writer.WriteNumber("reference_rows", doc.ReferenceRows);
        writer.WriteNumber("current_rows", doc.CurrentRows);
        writer.WritePropertyName("dataset_drift");
        JsonSerializer.Serialize(writer, doc.DatasetDrift, info.DatasetDriftDocument);
        writer.WritePropertyName("columns");
        JsonSerializer.Serialize(writer, doc.Columns, info.IReadOnlyListColumnDriftDocument);
    }

    /// <summary>Gets the JSON name of a column type.</summary>
    /// <param name="type">The type.</param>
    /// <returns><c>numerical</c> or <c>categorical</c>.</returns>
    public static string TypeName(ColumnType type) => type == ColumnType.Categorical ? "categorical" : "numerical";

    /// <summary>Gets the JSON name of a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns><c>native</c> or <c>evidently</c>.</returns>
    public static string ProfileName(DriftProfile profile) => profile == DriftProfile.Evidently ? "evidently" : "native";

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
