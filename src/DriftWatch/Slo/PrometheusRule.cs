namespace DriftWatch.Slo;

/// <summary>One Prometheus recording or alerting rule, shaped for the rule file format.</summary>
internal sealed class PrometheusRule
{
    /// <summary>Gets or sets the recorded series name (recording rules).</summary>
    public string? Record { get; set; }

    /// <summary>Gets or sets the alert name (alerting rules).</summary>
    public string? Alert { get; set; }

    /// <summary>Gets or sets the PromQL expression.</summary>
    public string Expr { get; set; } = string.Empty;

    /// <summary>Gets or sets how long the condition must hold before an alert fires.</summary>
    public string? For { get; set; }

    /// <summary>Gets or sets labels added to the result.</summary>
    public SortedDictionary<string, string>? Labels { get; set; }

    /// <summary>Gets or sets the alert annotations.</summary>
    public SortedDictionary<string, string>? Annotations { get; set; }
}
