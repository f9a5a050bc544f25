using System.Text.Json;
using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The JSON settings shared by detector snapshots and option parsing.</summary>
/// <remarks><threadsafety>Immutable after construction; safe to use from any thread.</threadsafety></remarks>
internal static class DetectorJson
{
    /// <summary>Gets the serializer options: River's snake_case option names, ±∞ allowed (several detectors start from ±∞), lower-case enum names.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Writes a snapshot document: detector name, options, skipped count and state.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="name">The detector's registry name.</param>
    /// <param name="options">The options.</param>
    /// <param name="skipped">The skipped-value count.</param>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    public static string Write<TOptions, TState>(string name, TOptions options, long skipped, TState state)
    {
        var snapshot = new Snapshot<TOptions, TState>(name, options, skipped, state);
        return JsonSerializer.Serialize(snapshot, Options);
    }

    /// <summary>Reads the options, skipped count and state of a snapshot document.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="JsonException">The text is not a snapshot of this shape.</exception>
    public static Snapshot<TOptions, TState> Read<TOptions, TState>(string json) =>
        JsonSerializer.Deserialize<Snapshot<TOptions, TState>>(json, Options)
        ?? throw new JsonException("The snapshot is null.");

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
