using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>Writes one row of a <see cref="FeatureBatch"/> as the JSON object stored with its prediction.</summary>
/// <remarks>
/// <para>
/// The object's keys follow the schema's order; numbers are in their shortest round-trip form, a missing value (NaN,
/// or a <see langword="null"/> category) is <c>null</c>, strings are escaped by the default encoder: the text is
/// byte for byte what <see cref="Utf8JsonWriter"/> writes for the same row (tests compare the two on random rows).
/// </para>
/// <para>
/// Hand-assembled rather than written through <see cref="Utf8JsonWriter"/> because this runs once per stored
/// prediction and the writer's per-token work (escaping each key, state checks, formatting every number as a
/// double) took half of it: keys and known categories are copied from the schema's <see cref="InputsJsonLayout"/>,
/// integral numbers are formatted as longs (0.58 → 0.13 µs per row of the default model: PredictionStoreBenchmark's
/// InputsJsonWriterOnly and InputsJsonOnly, load 5).
/// </para>
/// </remarks>
internal static class InputsJson
{
    /// <summary>Writes the row as UTF-8 (no allocation unless a category is unseen).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="row">The row.</param>
    /// <param name="output">Receives the bytes (appended).</param>
    public static void WriteUtf8(FeatureBatch batch, int row, IBufferWriter<byte> output)
    {
        var schema = batch.Schema;
        var layout = InputsJsonLayout.For(schema);
        var span = output.GetSpan(layout.MaxFixedLength);
        var at = 0;
        // A schema has at least one feature, so the first key opens the object.
        for (var f = 0; f < schema.Count; f++)
        {
            var key = layout.Keys[f];
            key.CopyTo(span[at..]);
            at += key.Length;
            var feature = schema.Features[f];
            if (feature.Kind == FeatureKind.Numeric)
            {
                at += WriteNumber(batch.GetNumber(row, f), span[at..]);
            }
            else if (batch.GetString(row, f) is not { } s)
            {
                "null"u8.CopyTo(span[at..]);
                at += 4;
            }
            else if (batch.GetCode(row, f) is var code && code >= 0 && ReferenceEquals(s, feature.Categories[code]))
            {
                var known = layout.Categories[f][code];
                known.CopyTo(span[at..]);
                at += known.Length;
            }
            else
            {
                // An unseen category: escaped here (allocates), then the room for the rest is asked for again.
                var escaped = JsonEncodedText.Encode(s).EncodedUtf8Bytes;
                output.Advance(at);
                span = output.GetSpan(escaped.Length + 2 + layout.MaxFixedLength);
                span[0] = (byte)'"';
                escaped.CopyTo(span[1..]);
                span[escaped.Length + 1] = (byte)'"';
                at = escaped.Length + 2;
            }
        }

        span[at++] = (byte)'}';
        output.Advance(at);
    }

    /// <summary>Whether <paramref name="value"/> prints the same as a double and as a long (and is cheaper as a long).</summary>
    /// <remarks>
    /// The shortest round-trip form of an integral double below 10^15 in magnitude is its digits, exactly as the long
    /// prints them; larger ones may take an exponent (<c>1E+308</c>) and −0 prints as <c>-0</c>, so those stay doubles.
    /// Most inputs (ages, amounts, counts) are integral, and formatting a long is several times cheaper.
    /// </remarks>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the long form is the same text.</returns>
    internal static bool IsSmallInteger(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Truncate(value) && (value != 0 || !double.IsNegative(value));

    private static int WriteNumber(double value, Span<byte> destination)
    {
        int written;
        if (IsSmallInteger(value))
        {
            Utf8Formatter.TryFormat((long)value, destination, out written);
        }
        else if (double.IsFinite(value))
        {
            // The shortest round-trip form, as Utf8JsonWriter.WriteNumberValue(double) writes it.
            value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            "null"u8.CopyTo(destination);
            written = 4;
        }

        return written;
    }
}
