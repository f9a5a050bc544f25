namespace DriftWatch.Slo;

/// <summary>A named group of rules, evaluated in order.</summary>
internal sealed class PrometheusRuleGroup
{
    /// <summary>Gets or sets the group name, unique within the file.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets the rules.</summary>
    public List<PrometheusRule> Rules { get; } = [];
}
