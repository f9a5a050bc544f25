using System.Text.Json.Serialization;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary>The body of the health endpoints.</summary>
/// <param name="Status"><c>ok</c>, <c>ready</c>, <c>starting</c> or what is wrong.</param>
internal sealed record HealthResponse([property: JsonPropertyName("status")] string Status);
