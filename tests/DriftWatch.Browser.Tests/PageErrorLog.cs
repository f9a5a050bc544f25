using Microsoft.Playwright;

namespace DriftWatch.Browser.Tests;

/// <summary>Collects a page's console errors and warnings and its uncaught script errors.</summary>
internal static class PageErrorLog
{
    public static List<string> Attach(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
        return errors;
    }
}
