namespace DriftWatch.AspNetCore.Overview;

/// <summary>A firing alert on the overview page.</summary>
/// <param name="Name">The alert's name.</param>
/// <param name="Severity">Its severity label (<c>?</c> when missing).</param>
/// <param name="Summary">Its summary annotation (empty when missing).</param>
/// <param name="StartsAt">When it started firing.</param>
internal sealed record OverviewAlert(string Name, string Severity, string Summary, DateTimeOffset StartsAt)
{
    /// <summary>Gets <see cref="StartsAt"/> as the page shows it.</summary>
    public string Since => Alerts.AlertsOverview.Since(StartsAt);
}
