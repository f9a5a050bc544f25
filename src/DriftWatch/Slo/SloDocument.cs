namespace DriftWatch.Slo;

/// <summary>One SLO as written in <c>slo.yaml</c>.</summary>
internal sealed class SloDocument
{
    /// <summary>Gets or sets the SLO name (Sloth's <c>sloth_slo</c> label).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the objective in percent, e.g. <c>99.9</c>.</summary>
    public decimal? Objective { get; set; }

    /// <summary>Gets or sets the period as a Prometheus duration; <c>30d</c> when absent.</summary>
    public string? Period { get; set; }

    /// <summary>Gets or sets a free-text description for the dashboard and alerts.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets labels added to this SLO's rules.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Gets or sets the service level indicator.</summary>
    public SliDocument? Sli { get; set; }

    /// <summary>Gets or sets the alert names, labels and annotations.</summary>
    public SloAlertingDocument? Alerting { get; set; }
}
