using DriftWatch.Cli.Tests.Report;

namespace DriftWatch.Cli.Tests.Simulation;

[Collection(ConsoleCollection.Name)]
public sealed class SimulateCommandTests
{
    [Theory]
    [InlineData("--target", "http://example.com:8080")]
    [InlineData("--target", "ftp://127.0.0.1/")]
    [InlineData("--target", "http://127.0.0.1:1", "--scenario", "meteor_strike")]
    [InlineData("--target", "http://127.0.0.1:1", "--rps", "0")]
    [InlineData("--target", "http://127.0.0.1:1", "--duration", "2h")]
    [InlineData("--target", "http://127.0.0.1:1", "--label-delay", "-1s")]
    [InlineData("--target", "http://127.0.0.1:1", "--batch", "1000")]
    [InlineData("--scenario", "none")]
    public async Task Simulate_BadInput_OneLineOnStderrExitCode2(params string[] args)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(["simulate", .. args]);

        Assert.Equal(DriftWatchApp.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("driftwatch: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_NothingListening_ReportsFailuresExitCode1()
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(["simulate", "--target", "http://127.0.0.1:1", "--duration", "200ms", "--rps", "50"]);

        Assert.Equal(1, code);
        Assert.Contains("failed", stdout, StringComparison.Ordinal);
        Assert.Contains("last error", stderr, StringComparison.Ordinal);
    }
}
