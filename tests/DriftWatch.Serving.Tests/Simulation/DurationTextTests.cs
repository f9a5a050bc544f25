using DriftWatch.Serving.Simulation;

namespace DriftWatch.Serving.Tests.Simulation;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    public void TryParse_Duration_Seconds(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));

        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("NaN")]
    public void TryParse_NotADuration_False(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
