using System.Text.Json.Serialization;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary>The feedback response: one status per item (<c>stored</c> or <c>duplicate</c>).</summary>
/// <param name="Feedback">The items, in request order.</param>
internal sealed record FeedbackResponse([property: JsonPropertyName("feedback")] IReadOnlyList<FeedbackResponseItem> Feedback);
