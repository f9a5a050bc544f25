namespace DriftWatch.AspNetCore.Alerts;

/// <summary>One alert as Alertmanager's webhook sends it (version 4 payload).</summary>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">The alert's labels (alertname, severity, model, ...).</param>
/// <param name="Annotations">The alert's annotations (summary, description, runbook).</param>
/// <param name="StartsAt">When the alert started firing.</param>
/// <param name="Fingerprint">Alertmanager's identity of the label set.</param>
internal sealed record ReceivedAlert(
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    string Fingerprint)
{
    /// <summary>Gets the alert name label, or an empty string.</summary>
    public string Name => Labels.TryGetValue("alertname", out var n) ? n : string.Empty;
}
