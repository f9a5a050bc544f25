using System.Globalization;
using System.Net;
using System.Text;
using DriftWatch.Reports.Html;

namespace DriftWatch.AspNetCore.Overview;

/// <summary>Renders the overview page <c>GET /</c> with the HTML report's stylesheet and sortable tables.</summary>
/// <remarks>Every value is HTML-encoded; the two inline scripts carry the per-response nonce of
/// <see cref="ContentSecurityPolicy"/>.</remarks>
internal static class OverviewPage
{
    private static readonly string[] Headers = ["Model", "Version", "Task", "Predictions", "Latency", "Quality", "Estimated accuracy", "Drift", "Drifted features", "Integrity", "Links"];

    /// <summary>The page's Content-Security-Policy: only same-origin fetches, only the nonce'd inline scripts.</summary>
    /// <param name="nonce">The response's nonce.</param>
    /// <returns>The header value.</returns>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(OverviewData data, string nonce)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>DriftWatch overview</title><style>").Append(HtmlReportAssets.Stylesheet)
            .Append("main{max-width:1400px}td.wrap{white-space:normal;max-width:280px}</style></head><body><main>")
            .Append("<h1>DriftWatch</h1><p class=\"sub\"><span id=\"refresh-status\">Generated ")
            .Append(Encode(data.Generated))
            .Append("</span> · refreshes every ").Append((OverviewScript.IntervalMilliseconds / 1000).ToString(CultureInfo.InvariantCulture))
            .Append(" s</p><h2>Models</h2>");
        if (data.Models.Count == 0)
        {
            html.Append("<p>No models are loaded.</p>");
        }
        else
        {
            html.Append("<table class=\"sortable\" id=\"models\"><thead><tr>");
            foreach (var h in Headers)
            {
                html.Append(h is "Predictions" ? "<th tabindex=\"0\" class=\"num\" data-type=\"number\">" : "<th tabindex=\"0\">").Append(Encode(h)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var m in data.Models)
            {
                Row(html, m);
            }

            html.Append("</tbody></table>");
        }

        Alerts.AlertsOverview.Append(html, data.Alerts);
        html.Append("<h2>Endpoints</h2><p><a href=\"/metrics\">/metrics</a> · <a href=\"/v1/overview\">/v1/overview</a> · ")
            .Append("<a href=\"/v1/models\">/v1/models</a> · <a href=\"/healthz\">/healthz</a> · <a href=\"/readyz\">/readyz</a></p>")
            .Append("<footer>DriftWatch</footer></main>")
            .Append("<script nonce=\"").Append(nonce).Append("\">").Append(HtmlReportAssets.Script).Append("</script>")
            .Append("<script nonce=\"").Append(nonce).Append("\">").Append(OverviewScript.Source).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, OverviewModel m)
    {
        var cells = m.Display;
        var url = "/v1/models/" + Uri.EscapeDataString(m.Name);
        html.Append("<tr data-model=\"").Append(Encode(m.Name)).Append("\"><td><a href=\"").Append(Encode(url)).Append("\">")
            .Append(Encode(m.Name)).Append("</a></td><td>").Append(Encode(m.Version)).Append("</td><td>").Append(Encode(m.Task)).Append("</td>")
            .Append("<td class=\"num\" data-field=\"predictions\" data-value=\"").Append(m.Predictions.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(Encode(cells["predictions"])).Append("</td>");
        Cell(html, cells, "latency", "num");
        Cell(html, cells, "quality", string.Empty);
        Cell(html, cells, "estimated", "num");
        html.Append("<td><span data-field=\"drift\"").Append(cells["driftClass"].Length > 0 ? " class=\"badge " + cells["driftClass"] + "\"" : string.Empty)
            .Append('>').Append(Encode(cells["drift"])).Append("</span></td>");
        Cell(html, cells, "drifted", "wrap");
        Cell(html, cells, "integrity", "wrap");
        html.Append("<td>");
        if (m.Drift is not null)
        {
            html.Append("<a href=\"").Append(Encode(url + "/drift")).Append("\">drift JSON</a> · <a href=\"").Append(Encode(url + "/drift?format=html")).Append("\">drift report</a>");
        }
        else
        {
            html.Append(OverviewText.None);
        }

        html.Append("</td></tr>");
    }

    private static void Cell(StringBuilder html, IReadOnlyDictionary<string, string> cells, string field, string cssClass)
    {
        html.Append("<td");
        if (cssClass.Length > 0)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append(" data-field=\"").Append(field).Append("\">").Append(Encode(cells[field])).Append("</td>");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
