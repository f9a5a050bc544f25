namespace DriftWatch.Slo;

/// <summary>A checked SLO spec.</summary>
/// <param name="Service">The service name (<c>sloth_service</c>).</param>
/// <param name="Slos">The objectives, in spec order.</param>
/// <param name="SlaName">The SLA name, when the spec has an SLA section.</param>
/// <param name="SlaSlos">The SLOs the SLA promises (empty without an SLA).</param>
internal sealed record SloSpec(string Service, IReadOnlyList<ServiceLevelObjective> Slos, string? SlaName, IReadOnlyList<string> SlaSlos);
