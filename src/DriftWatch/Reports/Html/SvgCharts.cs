using System.Globalization;
using System.Net;
using System.Text;

namespace DriftWatch.Reports.Html;

/// <summary>
/// Draws the report's charts as inline SVG: overlaid histograms, grouped bars and empirical CDFs.
/// </summary>
/// <remarks>
/// Hand-written rather than a charting library on purpose: the report must be one self-contained file that opens
/// offline, so any library would be inlined into every report (tens to hundreds of kB of minified script and its
/// licence), would draw only after its script ran, and would be one more dependency to keep current. The three chart
/// kinds here are a few rectangles and polylines each; generated SVG is a few kB, renders without script, prints, and
/// is easy to assert on in tests. Coordinates use the invariant culture with at most two decimals so that output is
/// byte-for-byte reproducible.
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
internal static class SvgCharts
{
    public const string ReferenceColor = "#4c72b0";
    public const string CurrentColor = "#dd8452";
    private const double Width = 640;
    private const double Height = 260;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 56;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;

    /// <summary>Overlaid histograms of both samples' shares on the same bins.</summary>
    public static string Histogram(NumericHistogram histogram, string title)
    {
        var bins = histogram.Reference.Length;
        var pr = Shares(histogram.Reference);
        var pc = Shares(histogram.Current);
        var yMax = NiceMax(Math.Max(pr.DefaultIfEmpty(0).Max(), pc.DefaultIfEmpty(0).Max()));
        var (x0, x1) = (histogram.Edges[0], histogram.Edges[^1]);
        var sb = Start("histogram", title);
        YAxis(sb, yMax);
        for (var i = 0; i < bins; i++)
        {
            var left = ScaleX(histogram.Edges[i], x0, x1);
            var right = ScaleX(histogram.Edges[i + 1], x0, x1);
            Bar(sb, "ref", left, right - left, pr[i], yMax, ReferenceColor, 0.55, Range(histogram.Edges, i, histogram.Reference[i], pr[i], "reference"));
            Bar(sb, "cur", left, right - left, pc[i], yMax, CurrentColor, 0.55, Range(histogram.Edges, i, histogram.Current[i], pc[i], "current"));
        }

        XAxis(sb, x0, x1);
        Legend(sb);
        return End(sb);
    }

    /// <summary>Side-by-side bars of both samples' shares per label.</summary>
    public static string Bars(BinnedCounts counts, string title)
    {
        var n = counts.Labels.Length;
        var pr = Shares(counts.Reference);
        var pc = Shares(counts.Current);
        var yMax = NiceMax(Math.Max(pr.DefaultIfEmpty(0).Max(), pc.DefaultIfEmpty(0).Max()));
        var sb = Start("bars", title);
        YAxis(sb, yMax);
        var group = PlotWidth / Math.Max(n, 1);
        var bar = group * 0.4;
        var rotate = n > 6;
        for (var i = 0; i < n; i++)
        {
            var gx = Left + (i * group);
            var label = counts.Labels[i];
            Bar(sb, "ref", gx + (group * 0.1), bar, pr[i], yMax, ReferenceColor, 0.9, Tip(label, counts.Reference[i], pr[i], "reference"));
            Bar(sb, "cur", gx + (group * 0.5), bar, pc[i], yMax, CurrentColor, 0.9, Tip(label, counts.Current[i], pc[i], "current"));
            var cx = gx + (group / 2);
            var ty = Top + PlotHeight + 14;
            var shown = label.Length > 16 ? label[..15] + "…" : label;
            sb.Append(rotate
                ? $"<text class=\"tick\" x=\"{F(cx)}\" y=\"{F(ty)}\" text-anchor=\"end\" transform=\"rotate(-35 {F(cx)} {F(ty)})\">{E(shown)}</text>"
                : $"<text class=\"tick\" x=\"{F(cx)}\" y=\"{F(ty)}\" text-anchor=\"middle\">{E(shown)}</text>");
        }

        Line(sb, Left, Top + PlotHeight, Left + PlotWidth, Top + PlotHeight, "axis");
        Legend(sb);
        return End(sb);
    }

    /// <summary>The two empirical CDFs as step lines, with the Kolmogorov–Smirnov maximum distance marked.</summary>
    public static string Cdf(EmpiricalCdfs cdf, string title)
    {
        var x0 = cdf.X[0];
        var x1 = cdf.X[^1];
        if (x0 == x1)
        {
            x0 -= 0.5;
            x1 += 0.5;
        }

        var sb = Start("cdf", title);
        YAxis(sb, 1.0);
        Step(sb, "ref", cdf.X, cdf.Reference, x0, x1, ReferenceColor);
        Step(sb, "cur", cdf.X, cdf.Current, x0, x1, CurrentColor);
        var mx = ScaleX(cdf.MaxDistanceAt, x0, x1);
        var y1 = ScaleY(cdf.ReferenceAtMax, 1.0);
        var y2 = ScaleY(cdf.CurrentAtMax, 1.0);
        var label = $"max distance D = {cdf.MaxDistance.ToString("0.####", CultureInfo.InvariantCulture)} at {cdf.MaxDistanceAt.ToString("G5", CultureInfo.InvariantCulture)}";
        sb.Append($"<g class=\"ks-max\"><title>{E(label)}</title>");
        sb.Append($"<line x1=\"{F(mx)}\" y1=\"{F(y1)}\" x2=\"{F(mx)}\" y2=\"{F(y2)}\" stroke=\"#c00\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        sb.Append($"<circle cx=\"{F(mx)}\" cy=\"{F(y1)}\" r=\"3\" fill=\"#c00\"/><circle cx=\"{F(mx)}\" cy=\"{F(y2)}\" r=\"3\" fill=\"#c00\"/>");
        var anchor = mx > Left + (PlotWidth * 0.6) ? "end" : "start";
        var tx = anchor == "end" ? mx - 6 : mx + 6;
        sb.Append($"<text class=\"note\" x=\"{F(tx)}\" y=\"{F(((y1 + y2) / 2) + 4)}\" text-anchor=\"{anchor}\">{E(label)}</text></g>");
        XAxis(sb, x0, x1);
        Legend(sb);
        return End(sb);
    }

    private static StringBuilder Start(string kind, string title)
    {
        var sb = new StringBuilder(4096);
        sb.Append($"<svg class=\"chart chart-{kind}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"{E(title)}\">");
        sb.Append($"<title>{E(title)}</title>");
        return sb;
    }

    private static string End(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static void Legend(StringBuilder sb)
    {
        var x = Left + PlotWidth - 170;
        sb.Append($"<g class=\"legend\"><rect x=\"{F(x)}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{ReferenceColor}\"/>");
        sb.Append($"<text x=\"{F(x + 14)}\" y=\"15\">reference</text>");
        sb.Append($"<rect x=\"{F(x + 90)}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{CurrentColor}\"/>");
        sb.Append($"<text x=\"{F(x + 104)}\" y=\"15\">current</text></g>");
    }

    private static void YAxis(StringBuilder sb, double yMax)
    {
        for (var k = 0; k <= 4; k++)
        {
            var v = yMax * k / 4;
            var y = ScaleY(v, yMax);
            Line(sb, Left, y, Left + PlotWidth, y, k == 0 ? "axis" : "grid");
            sb.Append($"<text class=\"tick\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{E(Percent(v))}</text>");
        }
    }

    private static void XAxis(StringBuilder sb, double x0, double x1)
    {
        foreach (var v in NiceTicks(x0, x1))
        {
            var x = ScaleX(v, x0, x1);
            Line(sb, x, Top + PlotHeight, x, Top + PlotHeight + 4, "axis");
            sb.Append($"<text class=\"tick\" x=\"{F(x)}\" y=\"{F(Top + PlotHeight + 18)}\" text-anchor=\"middle\">{E(v.ToString("G6", CultureInfo.InvariantCulture))}</text>");
        }
    }

    private static void Bar(StringBuilder sb, string side, double x, double width, double share, double yMax, string color, double opacity, string tip)
    {
        var y = ScaleY(share, yMax);
        sb.Append($"<rect class=\"bar {side}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(width, 0.5))}\" height=\"{F(Top + PlotHeight - y)}\" fill=\"{color}\" fill-opacity=\"{F(opacity)}\"><title>{E(tip)}</title></rect>");
    }

    private static void Step(StringBuilder sb, string side, double[] xs, double[] fs, double x0, double x1, string color)
    {
        var path = new StringBuilder();
        path.Append($"M{F(Left)} {F(ScaleY(0, 1))}");
        for (var k = 0; k < xs.Length; k++)
        {
            path.Append($"H{F(ScaleX(xs[k], x0, x1))}V{F(ScaleY(fs[k], 1))}");
        }

        path.Append($"H{F(Left + PlotWidth)}");
        sb.Append($"<path class=\"ecdf {side}\" d=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
    }

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string cls) =>
        sb.Append($"<line class=\"{cls}\" x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\"/>");

    private static double ScaleX(double v, double x0, double x1) => Left + ((v - x0) / (x1 - x0) * PlotWidth);

    private static double ScaleY(double v, double yMax) => Top + PlotHeight - (v / yMax * PlotHeight);

    private static double[] Shares(long[] counts)
    {
        double total = counts.Sum();
        return [.. counts.Select(c => total > 0 ? c / total : 0.0)];
    }

    /// <summary>The smallest of 1, 2, 4, 6, 8 × 10^k at or above <paramref name="v"/> (at least 1%, at most 100%), so that
    /// the four grid steps are round percentages.</summary>
    internal static double NiceMax(double v)
    {
        v = Math.Max(v, 0.01);
        var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in (double[])[1, 2, 4, 6, 8, 10])
        {
            if (m * p >= v - 1e-12)
            {
                return Math.Min(m * p, 1.0);
            }
        }

        return 1.0;
    }

    /// <summary>Round tick values (steps of 1, 2 or 5 × 10^k) inside [x0, x1], about five of them.</summary>
    internal static double[] NiceTicks(double x0, double x1)
    {
        var range = x1 - x0;
        var raw = range / 5;
        var p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        var first = Math.Ceiling(x0 / step) * step;
        var ticks = new List<double>();
        for (var v = first; v <= x1 + (step * 1e-9); v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : Math.Round(v / step) * step);
        }

        return [.. ticks];
    }

    private static string Range(double[] edges, int i, long count, double share, string side) =>
        string.Create(CultureInfo.InvariantCulture, $"{side} [{edges[i]:G5}, {edges[i + 1]:G5}{(i == edges.Length - 2 ? "]" : ")")}: {count} ({Percent(share)})");

    private static string Tip(string label, long count, double share, string side) =>
        string.Create(CultureInfo.InvariantCulture, $"{side} {label}: {count} ({Percent(share)})");

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
