using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DriftWatch.Detectors;

/// <summary>Reads and writes detector snapshots and options with the source-generated <see cref="DetectorJsonContext"/>.</summary>
/// <remarks><threadsafety>Immutable after construction; safe to use from any thread.</threadsafety></remarks>
internal static class DetectorJson
{
    /// <summary>Writes a snapshot document: detector name, options, skipped count and state.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="name">The detector's registry name.</param>
    /// <param name="options">The options.</param>
    /// <param name="skipped">The skipped-value count.</param>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    public static string Write<TOptions, TState>(string name, TOptions options, long skipped, TState state) =>
        JsonSerializer.Serialize(new Snapshot<TOptions, TState>(name, options, skipped, state), TypeInfo<Snapshot<TOptions, TState>>());

    /// <summary>Reads the options, skipped count and state of a snapshot document.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="JsonException">The text is not a snapshot of this shape.</exception>
    public static Snapshot<TOptions, TState> Read<TOptions, TState>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<Snapshot<TOptions, TState>>())
        ?? throw new JsonException("The snapshot is null.");

    /// <summary>Gets the generated metadata of a type registered on <see cref="DetectorJsonContext"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="InvalidOperationException">The type is not registered (a programming error).</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        DetectorJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered on {nameof(DetectorJsonContext)}.");

    /// <summary>A snapshot document.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="Detector">The detector's registry name.</param>
    /// <param name="Options">The options.</param>
    /// <param name="Skipped">The skipped-value count.</param>
    /// <param name="State">The state.</param>
    internal sealed record Snapshot<TOptions, TState>(
        [property: JsonPropertyName("detector")] string Detector,
        [property: JsonPropertyName("options")] TOptions Options,
        [property: JsonPropertyName("skipped")] long Skipped,
        [property: JsonPropertyName("state")] TState State);
}
