using System.Text.Json.Serialization;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>One alert in an Alertmanager webhook body.</summary>
internal sealed class AlertmanagerAlert
{
    /// <summary>Gets or sets <c>firing</c> or <c>resolved</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Gets or sets the labels.</summary>
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Gets or sets the annotations.</summary>
    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Gets or sets when the alert started.</summary>
    [JsonPropertyName("startsAt")]
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Gets or sets Alertmanager's fingerprint of the label set.</summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; set; }
}
