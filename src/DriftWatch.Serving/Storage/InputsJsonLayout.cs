using System.Runtime.CompilerServices;
using System.Text.Json;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>The fixed bytes of a schema's inputs JSON: each key with its punctuation, each known category quoted.</summary>
/// <remarks>
/// Escaped with <see cref="JsonEncodedText"/> (the default encoder, as <see cref="Utf8JsonWriter"/> escapes), so the
/// text <see cref="InputsJson"/> assembles from them is byte for byte the writer's.
/// <threadsafety>Immutable once built; <see cref="For"/> is thread-safe.</threadsafety>
/// </remarks>
internal sealed class InputsJsonLayout
{
    private static readonly ConditionalWeakTable<ModelSchema, InputsJsonLayout> Layouts = [];

    private InputsJsonLayout(ModelSchema schema)
    {
        Keys = new byte[schema.Count][];
        Categories = new byte[schema.Count][][];
        MaxFixedLength = 2;
        for (var f = 0; f < schema.Count; f++)
        {
            var feature = schema.Features[f];
            var name = JsonEncodedText.Encode(feature.Name).EncodedUtf8Bytes;
            // {"name": for the first key, ,"name": for the others.
            Keys[f] = [(byte)(f == 0 ? '{' : ','), (byte)'"', .. name, (byte)'"', (byte)':'];
            Categories[f] = [.. feature.Categories.Select(c => (byte[])[(byte)'"', .. JsonEncodedText.Encode(c).EncodedUtf8Bytes, (byte)'"'])];
            MaxFixedLength += Keys[f].Length + Math.Max(NumberLength, Categories[f].Select(c => c.Length).DefaultIfEmpty(0).Max());
        }
    }

    /// <summary>Gets the room a number takes at most (<c>-1.7976931348623157E+308</c> is 24 bytes).</summary>
    public static int NumberLength => 32;

    /// <summary>Gets each feature's key bytes, comma and colon included.</summary>
    public byte[][] Keys { get; }

    /// <summary>Gets each feature's known categories as quoted JSON strings (empty for numeric features).</summary>
    public byte[][][] Categories { get; }

    /// <summary>Gets the most bytes a row takes when its categories are all known.</summary>
    public int MaxFixedLength { get; }

    /// <summary>Gets the layout of a schema, built once per schema instance.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The layout.</returns>
    public static InputsJsonLayout For(ModelSchema schema) => Layouts.GetValue(schema, s => new InputsJsonLayout(s));
}
