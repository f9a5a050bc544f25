using Microsoft.Playwright;

namespace DriftWatch.Browser.Tests;

/// <summary>
/// One headless Chromium for the test class: Debian's <c>/usr/bin/chromium</c> driven by Playwright (never a
/// downloaded browser), with background networking and component updates off so that the browser itself makes no
/// requests either.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Debian Chromium binary (installed by scripts/test.sh when missing).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
