namespace DriftWatch.Cli.Tests.Serve;

/// <summary><c>driftwatch serve --config</c> with a <c>drift:</c> section: bad detector options stop start-up with one line.</summary>
public sealed class ServeDriftConfigTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-drift-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("drift:\n  detector_options:\n    bogus: 1\n", "DriftWatch:Drift:DetectorOptions: Unknown option 'bogus' for detector 'adwin'")]
    [InlineData("drift:\n  window_size: 5\n", "DriftWatch:Drift: Drift monitor option WindowSize must be at least 10.")]
    [InlineData("drift:\n  window: 5\n", "drift: unknown key(s) 'window' in DriftMonitorOptions")]
    public async Task Serve_BadDriftSection_Exit2WithOneLineNamingTheOption(string yaml, string expected)
    {
        var config = Path.Combine(_dir.FullName, "driftwatch.yaml");
        await File.WriteAllTextAsync(config, yaml, TestContext.Current.CancellationToken);

        using var serve = ServeProcess.Start(_dir.FullName, new Dictionary<string, string>(), config: config);
        var (exitCode, errors) = await serve.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(exitCode == 2, $"driftwatch serve exited with {exitCode}; its last output:\n{serve.OutputTail}");
        var line = Assert.Single(errors);
        Assert.StartsWith("driftwatch: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
