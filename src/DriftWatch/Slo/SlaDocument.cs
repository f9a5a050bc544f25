namespace DriftWatch.Slo;

/// <summary>The SLA section: the promise to users and the SLOs that keep it (used for reporting).</summary>
internal sealed class SlaDocument
{
    /// <summary>Gets or sets the SLA name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets what is promised, in words.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the names of the SLOs this SLA promises.</summary>
    public List<string>? Slos { get; set; }
}
