using System.Text.RegularExpressions;
using DriftWatch.Reports.Html;

namespace DriftWatch.Tests.Reports.Html;

public sealed partial class HtmlReportRendererTests
{
    private static string RenderSample()
    {
        var (reference, current) = ReportSamples.Datasets();
        var report = ReportSamples.Report();
        var distributions = ColumnDistributions.Compute(reference, current, report);
        return HtmlReportRenderer.Render(report, distributions, new HtmlReportOptions { ReferenceName = "reference.csv", CurrentName = "current.csv" });
    }

    [Fact]
    public void Render_FixedSeedInput_MatchesSnapshot()
    {
        var html = RenderSample();

        Snapshot.AssertMatches("report.snapshot.html", html);
    }

    [Fact]
    public void Render_DriftedColumns_ComeFirst()
    {
        var html = RenderSample();

        var articles = ArticleRegex().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        var rows = RowRegex().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(["age", "plan", "score", "device"], articles);
        Assert.Equal(["age", "plan", "score", "device"], rows);
    }

    [Fact]
    public void Render_ChartsPerColumnKind_Present()
    {
        var html = RenderSample();

        // score: histogram, psi decile bars, CDF; age: histogram, CDF; device and plan: category bars.
        Assert.Equal(2, Regex.Count(html, "<svg class=\"chart chart-histogram\""));
        Assert.Equal(2, Regex.Count(html, "<svg class=\"chart chart-cdf\""));
        Assert.Equal(3, Regex.Count(html, "<svg class=\"chart chart-bars\""));
        Assert.Equal(2, Regex.Count(html, "<g class=\"ks-max\">"));
        Assert.Contains("psi bins: reference deciles", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Page_LoadsNothingFromOutside()
    {
        var html = RenderSample();

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains($"content=\"{HtmlReportRenderer.ContentSecurityPolicy}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ColumnNames_AreEscaped()
    {
        var report = ReportSamples.Report() with
        {
            Columns = [new("<b>&x", DriftWatch.Statistics.ColumnType.Categorical, new("chisquare", 1, 0.5, 0.5, 0.05, false), 0)],
        };

        var html = HtmlReportRenderer.Render(report, []);

        Assert.DoesNotContain("<b>&x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteSection_NoDocumentWrapper()
    {
        using var writer = new StringWriter();

        HtmlReportRenderer.WriteSection(writer, ReportSamples.Report(), []);

        var html = writer.ToString();
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"drift-table\" class=\"sortable\">", html, StringComparison.Ordinal);
        Assert.Contains("Dataset drift detected: 2 of 4 columns drifted", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<article class=\"column\" id=\"col-\\d+\" data-column=\"([^\"]+)\"")]
    private static partial Regex ArticleRegex();

    [GeneratedRegex("<tr data-column=\"([^\"]+)\"")]
    private static partial Regex RowRegex();
}
