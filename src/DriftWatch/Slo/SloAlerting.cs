namespace DriftWatch.Slo;

/// <summary>The checked alert settings of one SLO.</summary>
/// <param name="Name">The alert name, shared by the page and ticket alerts as in Sloth (the <c>severity</c> and
/// <c>sloth_severity</c> labels tell them apart).</param>
/// <param name="Page">Whether the page alert is generated.</param>
/// <param name="Ticket">Whether the ticket alert is generated.</param>
/// <param name="Labels">Labels added to both alerts.</param>
/// <param name="Annotations">Annotations added to both alerts.</param>
internal sealed record SloAlerting(
    string Name,
    bool Page,
    bool Ticket,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations);
