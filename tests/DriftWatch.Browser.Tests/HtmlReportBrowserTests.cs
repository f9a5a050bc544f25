using System.Globalization;
using Microsoft.Playwright;

namespace DriftWatch.Browser.Tests;

public sealed class HtmlReportBrowserTests : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly BrowserFixture _fixture;
    private readonly string _directory = Directory.CreateTempSubdirectory("driftwatch-browser-").FullName;

    public HtmlReportBrowserTests(BrowserFixture fixture) => _fixture = fixture;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Opens the report with every request outside the file itself recorded and aborted, and console errors and
    /// page errors collected.</summary>
    private async Task<(IPage Page, List<string> Outside, List<string> Errors)> OpenAsync(string path)
    {
        var context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1200, Height = 900 } });
        var outside = new List<string>();
        var own = new Uri(path).AbsoluteUri;
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == own)
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var errors = PageErrorLog.Attach(page);
        await page.GotoAsync(own, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, outside, errors);
    }

    [Fact]
    public async Task Report_OpenedFromDisk_RendersChartsOfflineWithoutErrors()
    {
        var (path, report) = ReportFile.Write(_directory);

        var (page, outside, errors) = await OpenAsync(path);

        var columns = report.Columns.Select(c => c.Column).Distinct().Count();
        Assert.Equal(columns, await page.Locator("article.column").CountAsync());
        var charts = page.Locator("svg.chart");
        Assert.True(await charts.CountAsync() >= columns);
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 200 && box.Height > 80, $"chart {i} is {box.Width}x{box.Height}");
        }

        Assert.True(await page.Locator("svg.chart rect.bar").CountAsync() > 20);
        Assert.True(await page.Locator("svg.chart-cdf path.ecdf").CountAsync() >= 2);
        Assert.True(await page.Locator("svg.chart-cdf g.ks-max line").CountAsync() >= 1);
        Assert.Equal(report.DatasetDrift.Detected ? "true" : "false", await page.Locator("#verdict").EvaluateAsync<string>("e => e.classList.contains('drift').toString()"));
        Assert.Empty(outside);
        Assert.Empty(errors);
        await SaveScreenshotAsync(page, "report.png");
    }

    [Fact]
    public async Task Report_DriftedColumns_ListedFirst()
    {
        var (path, report) = ReportFile.Write(_directory);

        var (page, _, _) = await OpenAsync(path);

        var flags = await page.Locator("article.column").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.drifted)");
        var expectedDrifted = report.Columns.Where(c => c.Result.Detected).Select(c => c.Column).Distinct().Count();
        Assert.InRange(expectedDrifted, 1, flags.Length - 1);
        Assert.Equal(Enumerable.Repeat("true", expectedDrifted).Concat(Enumerable.Repeat("false", flags.Length - expectedDrifted)), flags);
    }

    [Fact]
    public async Task Report_ClickScoreHeader_SortsRowsBothWays()
    {
        var (path, _) = ReportFile.Write(_directory);
        var (page, _, errors) = await OpenAsync(path);
        var header = page.Locator("#drift-table thead th", new PageLocatorOptions { HasTextString = "Score" });

        await header.ClickAsync();
        var ascending = await ScoresAsync(page);
        var ariaAscending = await header.GetAttributeAsync("aria-sort");
        await header.ClickAsync();
        var descending = await ScoresAsync(page);

        Assert.Equal("ascending", ariaAscending);
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        Assert.True(ascending.Length > 2);
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(ascending.OrderDescending(), descending);
        Assert.Empty(errors);
        await SaveScreenshotAsync(page, "report-sorted.png");
    }

    [Fact]
    public async Task Report_ClickColumnHeader_SortsNamesAlphabetically()
    {
        var (path, _) = ReportFile.Write(_directory);
        var (page, _, _) = await OpenAsync(path);

        await page.Locator("#drift-table thead th", new PageLocatorOptions { HasTextString = "Column" }).ClickAsync();

        var names = await page.Locator("#drift-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.column)");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task OpenAsync_PageWithExternalImage_RecordsAndBlocksTheRequest()
    {
        // Guards the guard: the interception used above must see a request that leaves the machine.
        var path = Path.Combine(_directory, "leaky.html");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body><img src=\"https://example.invalid/pixel.png\"></body></html>", TestContext.Current.CancellationToken);

        var (_, outside, _) = await OpenAsync(path);

        Assert.Equal(["https://example.invalid/pixel.png"], outside);
    }

    private static async Task<double[]> ScoresAsync(IPage page)
    {
        var values = await page.Locator("#drift-table tbody tr td:nth-child(6)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)");
        return [.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("DRIFTWATCH_TEST_ARTIFACTS")
            ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(bytes.Length > 10_000);
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }
}
