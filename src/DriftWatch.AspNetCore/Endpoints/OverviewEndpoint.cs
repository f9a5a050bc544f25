using System.Net;
using System.Text;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>GET /</c>: a small HTML page listing the models and the service's URLs.</summary>
internal static class OverviewEndpoint
{
    public static IResult Get(DriftWatchRuntime runtime, Alerts.AlertBoard alerts)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>DriftWatch</title></head><body>");
        html.Append("<h1>DriftWatch</h1><ul>");
        foreach (var m in runtime.Registry.Models)
        {
            var name = WebUtility.HtmlEncode(m.Name);
            var url = Uri.EscapeDataString(m.Name);
            html.Append("<li><a href=\"/v1/models/").Append(url).Append("\">").Append(name).Append("</a> v")
                .Append(WebUtility.HtmlEncode(m.Model.Version)).Append(" (").Append(ModelTasks.GetName(m.Model.Task))
                .Append(", ").Append(m.Model.Schema.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" features): ")
                .Append("<a href=\"/v1/models/").Append(url).Append("/drift?format=html\">drift</a></li>");
        }

        html.Append("</ul>");
        Alerts.AlertsOverview.Append(html, alerts);
        html.Append("<p><a href=\"/metrics\">/metrics</a> · <a href=\"/healthz\">/healthz</a> · <a href=\"/readyz\">/readyz</a></p></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
