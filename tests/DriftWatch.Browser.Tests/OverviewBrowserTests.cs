using System.Text;
using DriftWatch.AspNetCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace DriftWatch.Browser.Tests;

/// <summary>The overview page of a real service (Kestrel on a free loopback port, built by <see cref="DriftWatchHost"/>)
/// in Chromium.</summary>
public sealed class OverviewBrowserTests : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Instance =
        """{"age":41,"income":52000,"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":"salaried","device_type":"mobile"}""";

    private readonly BrowserFixture _fixture;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("driftwatch-overview-");
    private IHost _host = null!;
    private Uri _base = null!;

    public OverviewBrowserTests(BrowserFixture fixture) => _fixture = fixture;

    public async ValueTask InitializeAsync()
    {
        _host = DriftWatchHost.CreateHostBuilder(
            ["--urls=http://127.0.0.1:0"],
            [new("DriftWatch:Store:Path", Path.Combine(_directory.FullName, "driftwatch.db")), new("Logging:LogLevel:Default", "Warning")])
            .UseContentRoot(AppContext.BaseDirectory)
            .Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _base = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _host.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Overview_PredictionSent_TrafficCountUpdatesWithoutReload()
    {
        var context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1400, Height = 800 } });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).GetLeftPart(UriPartial.Authority) == _base.GetLeftPart(UriPartial.Authority))
            {
                await route.ContinueAsync();
                return;
            }

            lock (outside)
            {
                outside.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        var errors = PageErrorLog.Attach(page);
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Increment(ref navigations);
            }
        };

        await page.GotoAsync(_base.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var predictions = page.Locator("tr[data-model=\"credit-risk\"] [data-field=\"predictions\"]");
        Assert.Equal("0", await predictions.TextContentAsync());
        Assert.Equal(1, navigations);

        using var client = new HttpClient { BaseAddress = _base };
        var response = await client.PostAsync(
            "/v1/models/credit-risk/predict",
            new StringContent($$"""{"instances":[{{Instance}},{{Instance}},{{Instance}}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        await Assertions.Expect(predictions).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("tr[data-model=\"credit-risk\"] [data-field=\"latency\"]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^p99 [0-9]+\\.[0-9]{2} ms, [0-9]+\\.[0-9]{2} ms mean over 1 request$"));
        await Assertions.Expect(page.Locator("#refresh-status")).ToContainTextAsync("Updated ");
        Assert.Equal(1, navigations);
        Assert.Empty(errors);
        Assert.Empty(outside);
        await SaveScreenshotAsync(page, "overview.png");
        await context.CloseAsync();
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
