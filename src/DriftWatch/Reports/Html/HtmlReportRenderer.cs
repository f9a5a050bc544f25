using System.Globalization;
using System.Net;
using System.Text;
using DriftWatch.Analysis;
using DriftWatch.Statistics;

namespace DriftWatch.Reports.Html;

/// <summary>Renders a <see cref="DriftReport"/> as one self-contained HTML page: summary, sortable table of columns
/// and per-column charts (inline SVG), drifted columns first.</summary>
/// <remarks>
/// <para>The page loads nothing: styles and script are inline, charts are inline SVG (see <see cref="SvgCharts"/> for
/// why no charting library), no fonts or images are fetched, and a Content-Security-Policy of <c>default-src 'none'</c>
/// makes the browser refuse any request should one slip in. It works from disk and offline.</para>
/// <para>Reuse: <see cref="Render"/> makes the whole page (the CLI's <c>--html</c>, the service's
/// <c>?format=html</c>); <see cref="WriteSection"/> writes only the report's body (summary, table, charts) for a page
/// that has its own <c>&lt;head&gt;</c> with <see cref="HtmlReportAssets"/>.</para>
/// <para>Output is deterministic for the same input (no clock unless <see cref="HtmlReportOptions.GeneratedAt"/> is
/// set, invariant number formatting), so it can be snapshot-tested.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class HtmlReportRenderer
{
    /// <summary>The Content-Security-Policy of the page: inline styles and script only, no network.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    /// <summary>Renders the whole page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="distributions">The columns' distributions (see <see cref="ColumnDistributions.Compute"/>); columns
    /// without one are shown without charts.</param>
    /// <param name="options">Titles and names; <see langword="null"/> for defaults.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="distributions"/> is null.</exception>
    public static string Render(DriftReport report, IReadOnlyList<ColumnDistribution> distributions, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(distributions);
        options ??= new HtmlReportOptions();
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        sb.Append($"<title>{E(options.Title)}</title>\n<style>\n{HtmlReportAssets.Stylesheet}</style>\n</head>\n<body>\n<main>\n");
        AppendSection(sb, report, distributions, options);
        sb.Append("<footer>Made by DriftWatch. Self-contained: this file loads nothing from the network.</footer>\n");
        sb.Append($"</main>\n<script>\n{HtmlReportAssets.Script}</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the report's body (heading, summary, table, charts) without <c>&lt;html&gt;</c>, <c>&lt;head&gt;</c>
    /// or script, for embedding in another page that includes <see cref="HtmlReportAssets"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="report">The report.</param>
    /// <param name="distributions">The columns' distributions.</param>
    /// <param name="options">Titles and names; <see langword="null"/> for defaults.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    public static void WriteSection(TextWriter writer, DriftReport report, IReadOnlyList<ColumnDistribution> distributions, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(distributions);
        var sb = new StringBuilder(64 * 1024);
        AppendSection(sb, report, distributions, options ?? new HtmlReportOptions());
        writer.Write(sb.ToString());
    }

    private static void AppendSection(StringBuilder sb, DriftReport report, IReadOnlyList<ColumnDistribution> distributions, HtmlReportOptions options)
    {
        sb.Append($"<header>\n<h1>{E(options.Title)}</h1>\n");
        var names = options.ReferenceName is null && options.CurrentName is null
            ? string.Empty
            : $"current <strong>{E(options.CurrentName ?? "(current)")}</strong> against reference <strong>{E(options.ReferenceName ?? "(reference)")}</strong>";
        var when = options.GeneratedAt is { } at
            ? " · " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : string.Empty;
        if (names.Length + when.Length > 0)
        {
            sb.Append($"<p class=\"sub\">{names}{when}</p>\n");
        }

        sb.Append("</header>\n");
        var order = DriftedFirst(report);
        AppendSummary(sb, report);
        AppendTable(sb, report, order);
        AppendColumns(sb, report, order, distributions);
    }

    /// <summary>Column names in display order: columns with any drifted entry first, then the rest, each group in report order.</summary>
    private static string[] DriftedFirst(DriftReport report)
    {
        var names = report.Columns.Select(c => c.Column).Distinct(StringComparer.Ordinal).ToArray();
        var drifted = report.Columns.Where(c => c.Result.Detected).Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
        return [.. names.Where(drifted.Contains), .. names.Where(n => !drifted.Contains(n))];
    }

    private static void AppendSummary(StringBuilder sb, DriftReport report)
    {
        var d = report.DatasetDrift;
        var cls = d.Detected ? "drift" : "ok";
        var verdict = d.Detected ? "Dataset drift detected" : "No dataset drift";
        sb.Append("<section id=\"summary\">\n");
        sb.Append(Inv($"<div class=\"verdict {cls}\" id=\"verdict\">{verdict}: {d.DriftedColumns} of {d.Columns} columns drifted</div>\n"));
        var thresholds = report.Columns
            .Select(c => (c.Result.Method, c.Result.Threshold))
            .Distinct()
            .OrderBy(t => t.Method, StringComparer.Ordinal)
            .Select(t => $"{t.Method} {Num(t.Threshold)}");
        sb.Append("<dl class=\"facts\">\n");
        Fact(sb, "Drifted share", $"{Num(d.Share)} (detected at ≥ {Num(d.Threshold)})");
        Fact(sb, "Profile", DriftReportJson.ProfileName(report.Profile));
        Fact(sb, "Reference rows", report.ReferenceRows.ToString("N0", CultureInfo.InvariantCulture));
        Fact(sb, "Current rows", report.CurrentRows.ToString("N0", CultureInfo.InvariantCulture));
        Fact(sb, "Method thresholds", string.Join(", ", thresholds));
        sb.Append("</dl>\n</section>\n");
    }

    private static void Fact(StringBuilder sb, string name, string value) =>
        sb.Append($"<div><dt>{E(name)}</dt><dd>{E(value)}</dd></div>\n");

    private static void AppendTable(StringBuilder sb, DriftReport report, string[] order)
    {
        sb.Append("<section id=\"columns\">\n<h2>Columns</h2>\n<table id=\"drift-table\" class=\"sortable\">\n<thead><tr>");
        sb.Append("<th data-type=\"text\">Column</th><th data-type=\"text\">Type</th><th data-type=\"text\">Method</th>");
        sb.Append("<th data-type=\"number\" class=\"num\">Statistic</th><th data-type=\"number\" class=\"num\">p-value</th>");
        sb.Append("<th data-type=\"number\" class=\"num\">Score</th><th data-type=\"number\" class=\"num\">Threshold</th>");
        sb.Append("<th data-type=\"text\">Drift</th><th data-type=\"number\" class=\"num\">Missing</th></tr></thead>\n<tbody>\n");
        var index = Index(order);
        foreach (var name in order)
        {
            foreach (var c in report.Columns.Where(c => string.Equals(c.Column, name, StringComparison.Ordinal)))
            {
                var r = c.Result;
                var missingShare = report.CurrentRows > 0 ? (double)c.Missing / report.CurrentRows : double.NaN;
                sb.Append(Inv($"<tr data-column=\"{E(c.Column)}\" data-drifted=\"{(r.Detected ? "true" : "false")}\">"));
                sb.Append($"<td data-value=\"{E(c.Column)}\"><a href=\"#col-{index[name]}\">{E(c.Column)}</a></td>");
                sb.Append($"<td>{DriftReportJson.TypeName(c.Type)}</td><td>{E(r.Method)}</td>");
                NumberCell(sb, r.Statistic ?? double.NaN);
                NumberCell(sb, r.PValue ?? double.NaN);
                NumberCell(sb, r.Score);
                NumberCell(sb, r.Threshold);
                sb.Append(r.Detected
                    ? "<td data-value=\"1 drift\"><span class=\"badge drift\">drift</span></td>"
                    : "<td data-value=\"0 ok\"><span class=\"badge ok\">no drift</span></td>");
                sb.Append(Inv($"<td class=\"num\" data-value=\"{Raw(missingShare)}\">{c.Missing} ({Percent(missingShare)})</td></tr>\n"));
            }
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void NumberCell(StringBuilder sb, double v) =>
        sb.Append($"<td class=\"num\" data-value=\"{Raw(v)}\">{Num(v)}</td>");

    private static void AppendColumns(StringBuilder sb, DriftReport report, string[] order, IReadOnlyList<ColumnDistribution> distributions)
    {
        var byName = new Dictionary<string, ColumnDistribution>(StringComparer.Ordinal);
        foreach (var d in distributions)
        {
            byName.TryAdd(d.Column, d);
        }

        var index = Index(order);
        sb.Append("<section id=\"charts\">\n<h2>Distributions</h2>\n");
        foreach (var name in order)
        {
            var entries = report.Columns.Where(c => string.Equals(c.Column, name, StringComparison.Ordinal)).ToArray();
            var drifted = entries.Any(e => e.Result.Detected);
            sb.Append(Inv($"<article class=\"column\" id=\"col-{index[name]}\" data-column=\"{E(name)}\" data-drifted=\"{(drifted ? "true" : "false")}\">\n"));
            sb.Append($"<h3>{E(name)} <span class=\"badge {(drifted ? "drift" : "ok")}\">{(drifted ? "drift" : "no drift")}</span></h3>\n<ul>\n");
            foreach (var e in entries)
            {
                sb.Append($"<li>{E(Sentence(e))}</li>\n");
            }

            sb.Append("</ul>\n<div class=\"charts\">\n");
            if (byName.TryGetValue(name, out var dist))
            {
                AppendCharts(sb, dist, entries);
            }

            sb.Append("</div>\n</article>\n");
        }

        sb.Append("</section>\n");
    }

    private static void AppendCharts(StringBuilder sb, ColumnDistribution dist, ColumnDriftResult[] entries)
    {
        if (dist.Histogram is { } h)
        {
            Figure(sb, SvgCharts.Histogram(h, $"{dist.Column}: histogram of reference and current on the same bins"),
                Inv($"Share of each sample per bin ({h.Reference.Length} equal-width bins over the combined range)."));
        }

        if (dist.MethodBins is { } mb)
        {
            Figure(sb, SvgCharts.Bars(mb, $"{dist.Column}: {mb.Title}"), $"Share per bin as the method saw it ({mb.Title}).");
        }

        if (dist.Categories is { } cat)
        {
            Figure(sb, SvgCharts.Bars(cat, $"{dist.Column}: category shares"), "Share of each sample per category.");
        }

        if (dist.Cdf is { } cdf)
        {
            var ks = entries.Any(e => e.Result.Method == "ks");
            var caption = Inv($"Empirical CDFs; the dashed line marks the largest gap, D = {cdf.MaxDistance.ToString("0.####", CultureInfo.InvariantCulture)}{(ks ? " (the KS statistic)" : string.Empty)}.");
            Figure(sb, SvgCharts.Cdf(cdf, $"{dist.Column}: empirical CDFs"), caption);
        }
    }

    private static void Figure(StringBuilder sb, string svg, string caption) =>
        sb.Append($"<figure>{svg}<figcaption>{E(caption)}</figcaption></figure>\n");

    private static string Sentence(ColumnDriftResult e)
    {
        var r = e.Result;
        var parts = new List<string>();
        if (r.Statistic is { } s)
        {
            parts.Add($"statistic {Num(s)}");
        }

        if (r.PValue is { } p)
        {
            parts.Add($"p-value {Num(p)}");
        }

        parts.Add($"score {Num(r.Score)} against threshold {Num(r.Threshold)}");
        return $"{r.Method} ({DriftReportJson.TypeName(e.Type)}): {string.Join(", ", parts)}: {(r.Detected ? "drift" : "no drift")}";
    }

    private static Dictionary<string, int> Index(string[] order)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            index[order[i]] = i;
        }

        return index;
    }

    private static string Num(double v) =>
        double.IsNaN(v) ? "n/a" : v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Raw(double v) =>
        double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Percent(double share) =>
        double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
