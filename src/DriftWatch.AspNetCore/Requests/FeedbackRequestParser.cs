using System.Globalization;
using System.Text.Json;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;

namespace DriftWatch.AspNetCore.Requests;

/// <summary>Parses <c>{"feedback":[{"id":"...","actual":1}]}</c>.</summary>
/// <remarks>
/// <c>actual</c> is a finite number; for binary classification it must be 0 or 1 (<c>true</c>/<c>false</c> are accepted).
/// Ids are 1-128 characters.
/// </remarks>
internal static class FeedbackRequestParser
{
    private const int MaxIdLength = 128;

    public static (List<FeedbackItem>? Items, RequestError? Error) Parse(ReadOnlySpan<byte> json, ModelTask task, int maxItems)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read())
            {
                return (null, PredictRequestParser.Invalid("body", "the body is empty; expected {\"feedback\": [...]}"));
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, PredictRequestParser.Invalid("body", "expected a JSON object {\"feedback\": [...]}"));
            }

            List<FeedbackItem>? items = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("feedback"u8))
                {
                    return (null, PredictRequestParser.Invalid(RequestBody.Truncate(reader.GetString()!), "unknown field; expected only 'feedback'"));
                }

                if (items is not null)
                {
                    return (null, PredictRequestParser.Invalid("feedback", "appears twice"));
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return (null, PredictRequestParser.Invalid("feedback", "must be an array of {\"id\", \"actual\"} objects"));
                }

                items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (items.Count >= maxItems)
                    {
                        return (null, PredictRequestParser.Invalid("feedback", string.Create(CultureInfo.InvariantCulture, $"too many items; the limit is {maxItems} per request")));
                    }

                    var error = ReadItem(ref reader, task, items);
                    if (error is not null)
                    {
                        return (null, error);
                    }
                }
            }

            while (reader.Read())
            {
                // Drain: the reader throws on anything after the top-level object.
            }

            if (items is null)
            {
                return (null, PredictRequestParser.Invalid("feedback", "is required"));
            }

            return items.Count == 0 ? (null, PredictRequestParser.Invalid("feedback", "must not be empty")) : (items, null);
        }
        catch (JsonException ex)
        {
            return (null, PredictRequestParser.InvalidJson(ex));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this (not JsonException) on invalid UTF-8 inside a string.
            return (null, PredictRequestParser.Invalid("body", "a string is not valid UTF-8"));
        }
    }

    private static RequestError? ReadItem(ref Utf8JsonReader reader, ModelTask task, List<FeedbackItem> items)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"feedback[{items.Count}]");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return PredictRequestParser.Invalid(at, "must be an object {\"id\", \"actual\"}");
        }

        string? id = null;
        double? actual = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return PredictRequestParser.Invalid($"{at}.id", "must be a string");
                }

                id = reader.GetString();
                if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
                {
                    return PredictRequestParser.Invalid($"{at}.id", "must be 1 to 128 characters");
                }
            }
            else if (reader.ValueTextEquals("actual"u8))
            {
                reader.Read();
                actual = reader.TokenType switch
                {
                    JsonTokenType.True => 1,
                    JsonTokenType.False => 0,
                    JsonTokenType.Number when reader.TryGetDouble(out var v) && double.IsFinite(v) => v,
                    _ => null,
                };
                if (actual is null)
                {
                    return PredictRequestParser.Invalid($"{at}.actual", "must be a finite number");
                }

                if (task == ModelTask.BinaryClassification && actual is not (0 or 1))
                {
                    return PredictRequestParser.Invalid($"{at}.actual", "must be 0 or 1 for a binary classifier");
                }
            }
            else
            {
                return PredictRequestParser.Invalid($"{at}.{RequestBody.Truncate(reader.GetString()!)}", "unknown field; expected 'id' and 'actual'");
            }
        }

        if (id is null)
        {
            return PredictRequestParser.Invalid($"{at}.id", "is required");
        }

        if (actual is null)
        {
            return PredictRequestParser.Invalid($"{at}.actual", "is required");
        }

        items.Add(new FeedbackItem(id, actual.Value));
        return null;
    }
}
