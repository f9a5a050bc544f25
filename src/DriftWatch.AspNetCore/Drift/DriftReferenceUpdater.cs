using System.Text.Json;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Data;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>
/// <c>PUT /v1/models/{model}/reference</c>: reads reference rows as CSV (<c>text/csv</c>: header row, empty cell =
/// missing) or JSON (<c>application/json</c>: <c>{"instances": [{...}, ...]}</c> or a bare array of objects), builds the
/// new profile, stores it and swaps in a fresh monitor. Columns that are not model features are ignored.
/// </summary>
internal sealed class DriftReferenceUpdater(DriftMonitorRegistry registry) : IReferenceUpdater
{
    /// <summary>The largest reference body accepted.</summary>
    public const long MaxBytes = 64L << 20;

    public async Task<IResult> ReplaceAsync(ServedModel model, HttpContext context)
    {
        var contentType = context.Request.ContentType ?? string.Empty;
        var csv = contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Send the reference as text/csv or application/json.");
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
            reference = csv ? CsvDatasetReader.Read("reference", body) : ReadJson(model.Model.Schema, body);
        }
        catch (DatasetReadException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", ex.Message);
        }
        catch (ReferenceFormatException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ex.Field, ex.Message);
        }

        if (reference.RowCount < 2)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", "The reference needs at least 2 rows.");
        }

        try
        {
            var monitor = await registry.ReplaceReferenceAsync(model.Name, reference, context.RequestAborted);
            return TypedResults.Json(new
            {
                model = model.Name,
                reference_rows = monitor.Profile.RowCount,
                features = monitor.Profile.Features.Select(f => f.Name).ToArray(),
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
                    var present = row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
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

            return new Dataset("reference", [.. schema.Features.Select((f, k) => new DatasetColumn(
                f.Name, numbers[k] is null ? ValueKind.String : ValueKind.Float, numbers[k], strings[k]))]);
        }
    }
}
