namespace DriftWatch.AspNetCore.Overview;

/// <summary>Everything the overview page shows: the body of <c>GET /v1/overview</c>.</summary>
/// <param name="GeneratedAt">When the data was gathered.</param>
/// <param name="Models">The served models, in registry order.</param>
/// <param name="Alerts">The alerts Alertmanager reports as firing.</param>
internal sealed record OverviewData(DateTimeOffset GeneratedAt, IReadOnlyList<OverviewModel> Models, IReadOnlyList<OverviewAlert> Alerts)
{
    /// <summary>Gets <see cref="GeneratedAt"/> as the page shows it (<c>yyyy-MM-dd HH:mm:ssZ</c>, UTC).</summary>
    public string Generated => AspNetCore.Alerts.AlertsOverview.Since(GeneratedAt);
}
