using System.Text.Json.Serialization;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>The JSON body of an Alertmanager webhook notification (the fields DriftWatch reads).</summary>
internal sealed class AlertmanagerPayload
{
    /// <summary>Gets or sets the payload version (<c>4</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the receiver that sent the notification.</summary>
    [JsonPropertyName("receiver")]
    public string? Receiver { get; set; }

    /// <summary>Gets or sets the alerts of the notification's group.</summary>
    [JsonPropertyName("alerts")]
    public List<AlertmanagerAlert>? Alerts { get; set; }
}
