namespace DriftWatch.Slo;

/// <summary>How an SLO's burn-rate alerts are named and labelled.</summary>
internal sealed class SloAlertingDocument
{
    /// <summary>Gets or sets the alert name; the page alert is this name, the ticket alert adds <c>Ticket</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets labels added to both alerts.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Gets or sets annotations added to both alerts.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Gets or sets a value indicating whether the page alert is generated (default true).</summary>
    public bool? Page { get; set; }

    /// <summary>Gets or sets a value indicating whether the ticket alert is generated (default true).</summary>
    public bool? Ticket { get; set; }
}
