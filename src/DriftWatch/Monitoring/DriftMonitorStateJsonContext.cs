using System.Text.Json.Serialization;

namespace DriftWatch.Monitoring;

/// <summary>
/// Source-generated System.Text.Json metadata for the drift monitor's saved state (<see cref="DriftMonitor.SaveState"/>):
/// no reflection at run time, so saving and restoring work in trimmed and native AOT applications.
/// </summary>
/// <remarks>
/// The settings are those the state was first written with by the reflection-based serializer: snake_case names, NaN
/// and ±∞ as <c>"NaN"</c>/<c>"Infinity"</c>/<c>"-Infinity"</c>, nulls written, unknown members ignored.
/// <c>DriftMonitorStateCompatibilityTests</c> restores states written by that serializer and checks the text written
/// back is identical.
/// <threadsafety>Immutable after construction; safe to use from any thread.</threadsafety>
/// </remarks>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DriftMonitor.StateDto))]
internal sealed partial class DriftMonitorStateJsonContext : JsonSerializerContext;
