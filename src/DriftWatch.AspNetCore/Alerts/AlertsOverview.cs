using System.Globalization;
using System.Net;
using System.Text;
using DriftWatch.AspNetCore.Overview;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>The "Firing alerts" section of the overview page.</summary>
internal static class AlertsOverview
{
    /// <summary>The text shown when no alert fires (also used by the page's refresh script).</summary>
    public const string NoneText = "None reported by Alertmanager.";

    /// <summary>Appends the firing alerts (name, severity, summary, since) as an HTML list with id <c>alerts</c>.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="firing">The firing alerts.</param>
    public static void Append(StringBuilder html, IReadOnlyList<OverviewAlert> firing)
    {
        html.Append("<h2>Firing alerts</h2><ul id=\"alerts\">");
        if (firing.Count == 0)
        {
            html.Append("<li>").Append(NoneText).Append("</li>");
        }

        foreach (var a in firing)
        {
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(a.Name)).Append("</strong> [")
                .Append(WebUtility.HtmlEncode(a.Severity)).Append("] ")
                .Append(WebUtility.HtmlEncode(a.Summary)).Append(" (since ")
                .Append(WebUtility.HtmlEncode(Since(a.StartsAt))).Append(")</li>");
        }

        html.Append("</ul>");
    }

    /// <summary>Formats when an alert started, as the page and its JSON show it (<c>yyyy-MM-dd HH:mm:ssZ</c>, UTC).</summary>
    /// <param name="startsAt">The start.</param>
    /// <returns>The text.</returns>
    public static string Since(DateTimeOffset startsAt) => startsAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
}
