using System.Text.Json.Serialization;

namespace DriftWatch.Profiles;

/// <summary>
/// Source-generated System.Text.Json metadata for saved reference profiles (<see cref="ReferenceProfile.ToJson"/>): no
/// reflection at run time, so profiles load in trimmed and native AOT applications.
/// </summary>
/// <remarks>
/// The settings are those profiles were first written with by the reflection-based serializer: snake_case names, NaN
/// and ±∞ as <c>"NaN"</c>/<c>"Infinity"</c>/<c>"-Infinity"</c> (the last bin edge is +∞; empty features have NaN
/// bounds), nulls written, unknown members ignored. <c>ReferenceProfileJsonCompatibilityTests</c> reads profiles written
/// by that serializer and checks the text written back is identical.
/// <threadsafety>Immutable after construction; safe to use from any thread.</threadsafety>
/// </remarks>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ReferenceProfile.ProfileDto))]
internal sealed partial class ReferenceProfileJsonContext : JsonSerializerContext;
