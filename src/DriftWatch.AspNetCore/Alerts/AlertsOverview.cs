using System.Globalization;
using System.Net;
using System.Text;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>The "Firing alerts" section of the overview page.</summary>
internal static class AlertsOverview
{
    /// <summary>Appends the firing alerts (name, severity, summary, since) as an HTML list.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="board">The alert board.</param>
    public static void Append(StringBuilder html, AlertBoard board)
    {
        var firing = board.Firing();
        html.Append("<h2>Firing alerts</h2>");
        if (firing.Count == 0)
        {
            html.Append("<p>None reported by Alertmanager.</p>");
            return;
        }

        html.Append("<ul>");
        foreach (var a in firing)
        {
            a.Annotations.TryGetValue("summary", out var summary);
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(a.Name)).Append("</strong> [")
                .Append(WebUtility.HtmlEncode(a.Labels.GetValueOrDefault("severity", "?"))).Append("] ")
                .Append(WebUtility.HtmlEncode(summary ?? string.Empty)).Append(" (since ")
                .Append(a.StartsAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)).Append(")</li>");
        }

        html.Append("</ul>");
    }
}
