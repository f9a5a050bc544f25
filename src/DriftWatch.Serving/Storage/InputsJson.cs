using System.Buffers;
using System.Text;
using System.Text.Json;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>Writes one row of a <see cref="FeatureBatch"/> as the JSON object stored with its prediction.</summary>
internal static class InputsJson
{
    public static string Write(FeatureBatch batch, int row, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var schema = batch.Schema;
            for (var f = 0; f < schema.Count; f++)
            {
                var feature = schema.Features[f];
                if (feature.Kind == FeatureKind.Numeric)
                {
                    var v = batch.GetNumber(row, f);
                    if (double.IsFinite(v))
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
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
