using System.Text.Json;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Data;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>
/// <c>PUT /v1/models/{model}/reference</c>: reads reference rows as CSV (<c>text/csv</c>: header row, empty cell =
/// missing), Parquet (<c>application/vnd.apache.parquet</c>) or JSON (<c>application/json</c>: <c>{"instances": [{...}, ...]}</c>
/// or a bare array of objects), checks them against the model's schema (<see cref="ReferenceValidator"/>), builds the new
/// profile, stores it and swaps in a fresh monitor. A reference that does not fit the schema is refused with a 400 naming
/// the column (and for text in a numeric column, the first row and value), and the previous reference stays in force.
/// Columns that are not model features are ignored (and logged as a warning unless they are label or prediction columns).
/// </summary>
internal sealed partial class DriftReferenceUpdater(DriftMonitorRegistry registry, ILogger<DriftReferenceUpdater> logger) : IReferenceUpdater
{
    /// <summary>The largest reference body accepted.</summary>
    public const long MaxBytes = 64L << 20;

    public async Task<IResult> ReplaceAsync(ServedModel model, HttpContext context)
    {
        var contentType = context.Request.ContentType ?? string.Empty;
        var format = contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv"
            : contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? "json"
            : contentType.StartsWith("application/vnd.apache.parquet", StringComparison.OrdinalIgnoreCase) ? "parquet"
            : null;
        if (format is null)
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Send the reference as text/csv, application/vnd.apache.parquet or application/json.");
        }

        using var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                return Problems.Create(StatusCodes.Status413PayloadTooLarge, "body", $"The reference is larger than {MaxBytes >> 20} MiB.");
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        Dataset reference;
        try
        {
            reference = format switch
            {
                "csv" => CsvDatasetReader.Read("reference", body),
                "parquet" => await ParquetDatasetReader.ReadStreamAsync("reference", body, cancellationToken: context.RequestAborted),
                _ => ReadJson(model.Model.Schema, body),
            };
        }
        catch (DatasetReadException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", ex.Message);
        }
        catch (ReferenceFormatException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ex.Field, ex.Message);
        }

        if (reference.RowCount < ReferenceValidator.MinimumRows)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", $"The reference needs at least {ReferenceValidator.MinimumRows} rows.");
        }

        ReferenceValidation validation;
        try
        {
            // A drift reference may leave the label out; when it carries the configured label column, its values are checked.
            validation = ReferenceValidator.Validate(model.Model.Schema, reference, model.Model.Task, model.LabelColumn, labelRequired: false);
        }
        catch (ReferenceSchemaException ex)
        {
            return Problems.Create(
                StatusCodes.Status400BadRequest,
                ex.Problems[0].Column ?? "body",
                ex.Message,
                ex.Problems.GroupBy(p => p.Column ?? "body").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        if (validation.IgnoredColumns.Count > 0)
        {
            Log.IgnoredColumns(logger, model.Name, string.Join(", ", validation.IgnoredColumns));
        }

        try
        {
            var monitor = await registry.ReplaceReferenceAsync(model.Name, validation.Reference, context.RequestAborted);
            return TypedResults.Json(new
            {
                model = model.Name,
                reference_rows = monitor.Profile.RowCount,
                features = monitor.Profile.Features.Select(f => f.Name).ToArray(),
                ignored_columns = validation.IgnoredColumns,
            });
        }
        catch (ArgumentException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", ex.Message);
        }
    }

    private static Dataset ReadJson(ModelSchema schema, Stream body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ReferenceFormatException("body", $"The body is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            var rows = doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement
                : doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("instances", out var instances) && instances.ValueKind == JsonValueKind.Array
                    ? instances
                    : throw new ReferenceFormatException("instances", "Send {\"instances\": [{...}, ...]} or an array of objects.");
            var n = rows.GetArrayLength();
            var numbers = schema.Features.Select(f => f.Kind == FeatureKind.Numeric ? new double[n] : null).ToArray();
            var strings = schema.Features.Select(f => f.Kind == FeatureKind.Categorical ? new string?[n] : null).ToArray();
            var seen = new bool[schema.Count];
            var i = 0;
            foreach (var row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw new ReferenceFormatException($"instances[{i}]", $"instances[{i}] is not an object.");
                }

                for (var f = 0; f < schema.Count; f++)
                {
                    var name = schema.Features[f].Name;
                    var named = row.TryGetProperty(name, out var value);
                    seen[f] |= named;
                    var present = named && value.ValueKind != JsonValueKind.Null;
                    if (numbers[f] is { } column)
                    {
                        column[i] = !present ? double.NaN
                            : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
                            : throw new ReferenceFormatException($"instances[{i}].{name}", $"instances[{i}].{name} must be a number or null.");
                    }
                    else
                    {
                        strings[f]![i] = !present ? null
                            : value.ValueKind == JsonValueKind.String ? value.GetString()
                            : throw new ReferenceFormatException($"instances[{i}].{name}", $"instances[{i}].{name} must be a string or null.");
                    }
                }

                i++;
            }

            // A feature no row names is left out, so the schema check reports it as a missing column.
            return new Dataset("reference", [.. schema.Features
                .Select((f, k) => (Feature: f, Index: k))
                .Where(p => seen[p.Index])
                .Select(p => new DatasetColumn(p.Feature.Name, numbers[p.Index] is null ? ValueKind.String : ValueKind.Float, numbers[p.Index], strings[p.Index]))]);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Model {Model}: reference columns not in the schema are ignored (not monitored): {Columns}.")]
        public static partial void IgnoredColumns(ILogger logger, string model, string columns);
    }
}
