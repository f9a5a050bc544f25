using System.Buffers;
using System.Text;
using System.Text.Json;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>Writes one row of a <see cref="FeatureBatch"/> as the JSON object stored with its prediction.</summary>
/// <remarks>
/// Numbers are written in <see cref="Utf8JsonWriter"/>'s shortest round-trip form; a missing value (NaN, or a
/// <see langword="null"/> category) is <c>null</c>. The object's keys follow the schema's feature order.
/// </remarks>
internal static class InputsJson
{
    /// <summary>Writes the row as a string (allocates: for callers outside the write path).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="row">The row.</param>
    /// <param name="buffer">A scratch buffer (overwritten).</param>
    /// <returns>The JSON text.</returns>
    public static string Write(FeatureBatch batch, int row, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteUtf8(batch, row, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the row as UTF-8 through a writer the caller reuses (no allocation per row).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="row">The row.</param>
    /// <param name="writer">The writer, reset to its output beforehand; flushed on return.</param>
    public static void WriteUtf8(FeatureBatch batch, int row, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var schema = batch.Schema;
        for (var f = 0; f < schema.Count; f++)
        {
            var feature = schema.Features[f];
            if (feature.Kind == FeatureKind.Numeric)
            {
                var v = batch.GetNumber(row, f);
                if (IsSmallInteger(v))
                {
                    writer.WriteNumber(feature.NameUtf8.Span, (long)v);
                }
                else if (double.IsFinite(v))
                {
                    writer.WriteNumber(feature.NameUtf8.Span, v);
                }
                else
                {
                    writer.WriteNull(feature.NameUtf8.Span);
                }
            }
            else if (batch.GetString(row, f) is { } s)
            {
                writer.WriteString(feature.NameUtf8.Span, s);
            }
            else
            {
                writer.WriteNull(feature.NameUtf8.Span);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Whether <paramref name="value"/> prints the same as a double and as a long (and is cheaper as a long).</summary>
    /// <remarks>
    /// The shortest round-trip form of an integral double below 10^15 in magnitude is its digits, exactly as the long
    /// prints them; from 10^15 on it may take an exponent (<c>1E+15</c>), and −0 prints as <c>-0</c>, so both stay
    /// doubles. Most inputs (ages, amounts, counts) are integral, and formatting a long is several times cheaper.
    /// </remarks>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the long form is the same text.</returns>
    internal static bool IsSmallInteger(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Truncate(value) && (value != 0 || !double.IsNegative(value));
}
