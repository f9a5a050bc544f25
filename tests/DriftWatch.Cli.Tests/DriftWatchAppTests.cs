using DriftWatch.Cli.Tests.Report;

namespace DriftWatch.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class DriftWatchAppTests
{
    [Theory]
    [InlineData(new[] { "--threshold", "abc" }, "driftwatch: --threshold 'abc' is not a number.")]
    [InlineData(new[] { "--threshold=abc" }, "driftwatch: --threshold 'abc' is not a number.")]
    public async Task RunAsync_ReportThresholdNotANumber_Exit2NamingTheOption(string[] extra, string expected)
    {
        string[] args = ["report", "--reference", CliRun.Examples("reference.csv"), "--current", CliRun.Examples("current.csv"), .. extra];

        var (exitCode, _, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    [Fact]
    public async Task RunAsync_SimulateBatchNotAWholeNumber_Exit2NamingTheOption()
    {
        var (exitCode, _, stderr) = await CliRun.RunAsync("simulate", "--target", "http://127.0.0.1:1", "--scenario", "none", "--batch", "1.5x");

        Assert.Equal(2, exitCode);
        Assert.Equal("driftwatch: --batch '1.5x' is not a whole number.", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("Failed to convert 'abc' to Nullable`1.", "'abc' is not a number.")]
    [InlineData("Unknown option 'x'.", "Unknown option 'x'.")]
    public void Describe_ConversionMessageWithoutOption_SaysWhatIsWrong(string message, string expected) =>
        Assert.Equal(expected, DriftWatchApp.Describe(message, []));

    [Fact]
    public async Task RunAsync_SimulateWithNoLabels_SummaryShowsNoAccuracyRatherThanNaN()
    {
        var port = DriftWatch.Testing.LoopbackPort.Next();

        var (exitCode, stdout, stderr) = await CliRun.RunAsync(
            "simulate", "--target", $"http://127.0.0.1:{port}", "--scenario", "none", "--duration", "1s", "--label-delay", "1s");

        Assert.Equal(1, exitCode);
        Assert.Contains("0 labels, accuracy –", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
        Assert.Contains("simulate: last error:", stderr, StringComparison.Ordinal);
    }
}
