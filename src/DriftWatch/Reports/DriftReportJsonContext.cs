using System.Text.Json.Serialization;

namespace DriftWatch.Reports;

/// <summary>Source-generated System.Text.Json metadata for the drift report documents (snake_case names, nulls
/// written, trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DriftReportDocument))]
public sealed partial class DriftReportJsonContext : JsonSerializerContext;
