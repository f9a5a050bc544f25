namespace DriftWatch.Slo;

/// <summary>One checked SLO.</summary>
/// <param name="Name">The SLO name (<c>sloth_slo</c>).</param>
/// <param name="Objective">The objective in percent, strictly between 0 and 100.</param>
/// <param name="Period">The period over which the error budget is counted.</param>
/// <param name="Description">Free text for dashboards and alerts.</param>
/// <param name="Labels">Labels for this SLO's rules, the spec's labels included.</param>
/// <param name="Sli">The indicator.</param>
/// <param name="Alerting">The alert settings.</param>
internal sealed record ServiceLevelObjective(
    string Name,
    decimal Objective,
    TimeSpan Period,
    string Description,
    IReadOnlyDictionary<string, string> Labels,
    SliQuery Sli,
    SloAlerting Alerting)
{
    /// <summary>Gets the objective as a ratio, e.g. 0.999 (exact in decimal).</summary>
    public decimal ObjectiveRatio => Objective / 100m;

    /// <summary>Gets the error budget as a ratio, e.g. 0.001 (exact in decimal, unlike 1 - 0.999 in binary floating point).</summary>
    public decimal ErrorBudgetRatio => (100m - Objective) / 100m;
}
