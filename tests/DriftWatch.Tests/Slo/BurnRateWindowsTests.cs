using DriftWatch.Slo;

namespace DriftWatch.Tests.Slo;

public sealed class BurnRateWindowsTests
{
    [Fact]
    public void For_ThirtyDays_IsTheWorkbookTable()
    {
        var w = BurnRateWindows.For(TimeSpan.FromDays(30));

        Assert.Equal(new BurnRateWindow(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), 14.4m), w.PageQuick);
        Assert.Equal(new BurnRateWindow(TimeSpan.FromMinutes(30), TimeSpan.FromHours(6), 6m), w.PageSlow);
        Assert.Equal(new BurnRateWindow(TimeSpan.FromHours(2), TimeSpan.FromDays(1), 3m), w.TicketQuick);
        Assert.Equal(new BurnRateWindow(TimeSpan.FromHours(6), TimeSpan.FromDays(3), 1m), w.TicketSlow);
    }

    [Fact]
    public void For_SevenDays_ScalesWindowsToTheMinute()
    {
        var w = BurnRateWindows.For(TimeSpan.FromDays(7));

        // 5m * 7/30 = 70s -> 1m; 1h * 7/30 = 14m; 6h * 7/30 = 84m; 3d * 7/30 = 1008m (16h48m).
        Assert.Equal(TimeSpan.FromMinutes(1), w.PageQuick.Short);
        Assert.Equal(TimeSpan.FromMinutes(14), w.PageQuick.Long);
        Assert.Equal(TimeSpan.FromMinutes(84), w.PageSlow.Long);
        Assert.Equal(TimeSpan.FromMinutes(1008), w.TicketSlow.Long);
        Assert.Equal(14.4m, w.PageQuick.Factor);
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("4w", 28 * 24 * 60)]
    [InlineData("1h30m", 90)]
    [InlineData("5m", 5)]
    public void PromDuration_ParseAndFormat_RoundTrip(string text, int minutes)
    {
        Assert.True(PromDuration.TryParse(text, out var value));

        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
        Assert.Equal(text, PromDuration.Format(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("0m")]
    [InlineData("1.5h")]
    public void PromDuration_Invalid_ReturnsFalse(string text)
    {
        Assert.False(PromDuration.TryParse(text, out _));
    }
}
