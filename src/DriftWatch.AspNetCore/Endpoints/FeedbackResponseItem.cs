using System.Text.Json.Serialization;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary>One feedback item's outcome.</summary>
/// <param name="Id">The prediction id.</param>
/// <param name="Status"><c>stored</c> or <c>duplicate</c>.</param>
internal sealed record FeedbackResponseItem([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("status")] string Status);
