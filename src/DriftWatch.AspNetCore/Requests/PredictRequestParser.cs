using System.Globalization;
using System.Text.Json;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Requests;

/// <summary>Parses a KServe v1 predict body, <c>{"instances":[{"age":41,...}]}</c>, straight into a <see cref="FeatureBatch"/>.</summary>
/// <remarks>
/// Hand-written on <see cref="Utf8JsonReader"/> rather than deserialized into dictionaries: feature names and known
/// categories are matched on the UTF-8 bytes, so a row costs no allocation per value (only unseen categories become
/// strings), and every error names the exact field. Two passes: the first checks the shape and counts instances,
/// the second fills the batch. A value that is <c>null</c> or <c>""</c> is missing (served and counted); a feature
/// key that is absent or unknown, a wrong type, or NaN/±Inf is a 400.
/// </remarks>
internal static class PredictRequestParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static (FeatureBatch? Batch, RequestError? Error) Parse(ReadOnlySpan<byte> json, ModelSchema schema, int maxInstances)
    {
        try
        {
            var error = Count(json, maxInstances, out var count);
            if (error is not null)
            {
                return (null, error);
            }

            var batch = new FeatureBatch(schema, count);
            error = Fill(json, batch);
            return error is null ? (batch, null) : (null, error);
        }
        catch (JsonException ex)
        {
            return (null, InvalidJson(ex));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this (not JsonException) on invalid UTF-8 inside a string.
            return (null, Invalid("body", "a string is not valid UTF-8"));
        }
    }

    internal static RequestError InvalidJson(JsonException ex) => new(
        StatusCodes.Status400BadRequest,
        "invalid_json",
        "body",
        string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));

    internal static RequestError Invalid(string field, string detail, int kind = -1, int feature = -1) =>
        new(StatusCodes.Status400BadRequest, "invalid_input", field, $"{field}: {detail}", kind, feature);

    private static RequestError? Count(ReadOnlySpan<byte> json, int maxInstances, out int count)
    {
        count = 0;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read())
        {
            return Invalid("body", "the body is empty; expected {\"instances\": [...]}");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Invalid("body", "expected a JSON object {\"instances\": [...]}");
        }

        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("instances"u8))
            {
                return Invalid(RequestBody.Truncate(reader.GetString()!), "unknown field; expected only 'instances'");
            }

            if (found)
            {
                return Invalid("instances", "appears twice");
            }

            found = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return Invalid("instances", "must be an array of objects");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Invalid(Index(count), "must be an object of feature values");
                }

                if (++count > maxInstances)
                {
                    return Invalid("instances", string.Create(CultureInfo.InvariantCulture, $"too many instances; the limit is {maxInstances} per request"));
                }

                reader.Skip();
            }
        }

        while (reader.Read())
        {
            // Drain: the reader throws on anything after the top-level object.
        }

        if (!found)
        {
            return Invalid("instances", "is required");
        }

        return count == 0 ? Invalid("instances", "must not be empty") : null;
    }

    private static RequestError? Fill(ReadOnlySpan<byte> json, FeatureBatch batch)
    {
        var schema = batch.Schema;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        reader.Read();
        while (reader.Read() && !reader.ValueTextEquals("instances"u8))
        {
            // Count already checked the shape: the only property is "instances".
        }

        reader.Read();
        Span<bool> seen = schema.Count <= 256 ? stackalloc bool[schema.Count] : new bool[schema.Count];
        for (var row = 0; row < batch.Count; row++)
        {
            reader.Read();
            seen.Clear();
            var hint = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var f = FindFeature(ref reader, schema, hint);
                if (f < 0)
                {
                    return Invalid(Field(row, RequestBody.Truncate(reader.GetString()!)), "unknown feature", InputViolationKinds.UnknownFeature);
                }

                if (seen[f])
                {
                    return Invalid(Field(row, schema.Features[f].Name), "appears twice");
                }

                seen[f] = true;
                hint = f + 1;
                reader.Read();
                var error = schema.Features[f].Kind == FeatureKind.Numeric
                    ? ReadNumber(ref reader, batch, row, f)
                    : ReadCategory(ref reader, batch, row, f);
                if (error is not null)
                {
                    return error;
                }
            }

            var missing = seen.IndexOf(false);
            if (missing >= 0)
            {
                return Invalid(Field(row, schema.Features[missing].Name), "missing feature (send null for a missing value)", InputViolationKinds.MissingFeature);
            }
        }

        return null;
    }

    private static int FindFeature(ref Utf8JsonReader reader, ModelSchema schema, int hint)
    {
        // Clients usually send features in schema order: try the next expected one before scanning.
        if (hint < schema.Count && reader.ValueTextEquals(schema.Features[hint].NameUtf8.Span))
        {
            return hint;
        }

        for (var f = 0; f < schema.Count; f++)
        {
            if (reader.ValueTextEquals(schema.Features[f].NameUtf8.Span))
            {
                return f;
            }
        }

        return -1;
    }

    private static RequestError? ReadNumber(ref Utf8JsonReader reader, FeatureBatch batch, int row, int f)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out var value) && double.IsFinite(value))
                {
                    batch.SetNumber(row, f, value);
                    return null;
                }

                return Invalid(Field(row, batch.Schema.Features[f].Name), "must be a finite number", InputViolationKinds.NonFinite);
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.ValueSpan.IsEmpty:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString();
                var nonFinite = text is "NaN" or "Infinity" or "-Infinity" or "inf" or "-inf" or "nan";
                return Invalid(
                    Field(row, batch.Schema.Features[f].Name),
                    nonFinite ? "must be a finite number (NaN and infinities are not allowed)" : "must be a number, not a string",
                    nonFinite ? InputViolationKinds.NonFinite : InputViolationKinds.WrongType,
                    nonFinite ? -1 : f);
            default:
                return Invalid(Field(row, batch.Schema.Features[f].Name), $"must be a number, not {Describe(reader.TokenType)}", InputViolationKinds.WrongType, f);
        }
    }

    private static RequestError? ReadCategory(ref Utf8JsonReader reader, FeatureBatch batch, int row, int f)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Invalid(Field(row, batch.Schema.Features[f].Name), $"must be a string, not {Describe(reader.TokenType)}", InputViolationKinds.WrongType, f);
        }

        var feature = batch.Schema.Features[f];
        if (reader.ValueSpan.IsEmpty)
        {
            return null;
        }

        var code = reader.ValueIsEscaped ? feature.IndexOfCategory(reader.GetString()) : feature.IndexOfCategory(reader.ValueSpan);
        if (code >= 0)
        {
            batch.SetCategory(row, f, feature.Categories[code], code);
        }
        else
        {
            batch.SetCategory(row, f, reader.GetString(), FeatureBatch.UnseenCode);
        }

        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Number => "a number",
        _ => "this value",
    };

    private static string Index(int row) => string.Create(CultureInfo.InvariantCulture, $"instances[{row}]");

    private static string Field(int row, string name) => string.Create(CultureInfo.InvariantCulture, $"instances[{row}].{name}");
}
