namespace DriftWatch.Cli.Tests.Simulation;

/// <summary>
/// Runs the built <c>driftwatch</c> executable: the test project cannot reference its types, because its assembly name
/// (<c>driftwatch</c>) equals the core library's (<c>DriftWatch</c>) up to case, and assembly names ignore case.
/// </summary>
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
        var (code, stdout, stderr) = await CliProcess.RunAsync(["simulate", .. args]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("driftwatch: ", stderr, StringComparison.Ordinal);
    }
}
