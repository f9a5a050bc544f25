using System.Diagnostics;
using System.Text.Json;
using DriftWatch.Cli.Detect;
using DriftWatch.Detectors;

namespace DriftWatch.Cli.Tests;

/// <summary><c>driftwatch detect</c>, run as a child process (exit code, stdout, stderr) and through <see cref="DetectCommand.Run"/>.</summary>
public sealed class DetectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("driftwatch-detect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Detect_AdwinOnDocstringStream_PrintsJsonWithRiversIndex()
    {
        var (code, stdout, stderr) = await RunAsync("detect", "--detector", "adwin", "--input", Data("docstring_12345.csv"));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("""{"detector":"adwin","n":2000,"drifts":[1023],"warnings":[],"skipped":0}""", stdout.Trim());
    }

    [Fact]
    public async Task Detect_PageHinkleyModeUpWithJsonFile_WritesRiversIndices()
    {
        string json = Path.Combine(_dir, "out.json");

        var (code, stdout, _) = await RunAsync("detect", "--detector", "page-hinkley", "--input", Data("ds3.csv"), "--option", "mode=up", "--json", json);

        Assert.Equal(0, code);
        Assert.Equal("page-hinkley: 2000 values, 2 drift(s) [588, 1681], 0 warning value(s), 0 skipped", stdout.Trim());
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal([588, 1681], document.RootElement.GetProperty("drifts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2000, document.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Detect_KswinSeededOptions_MatchesRiverDocstring()
    {
        var (code, stdout, _) = await RunAsync(
            "detect", "--detector", "kswin", "--input", Data("docstring_12345.csv"), "--option", "alpha=0.0001", "--option", "seed=42");

        Assert.Equal(0, code);
        Assert.Contains("\"drifts\":[1016]", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo=1", "driftwatch: Unknown option 'foo' for detector 'adwin'; known options: delta, clock, max_buckets, min_window_length, grace_period.")]
    [InlineData("delta=nan", "driftwatch: Option 'delta' must be a finite number, got 'nan'.")]
    [InlineData("delta=inf", "driftwatch: Option 'delta' must be a finite number, got 'inf'.")]
    [InlineData("delta=2", "driftwatch: delta must be a finite number in (0, 1), got 2.")]
    [InlineData("clock=0", "driftwatch: clock must be an integer >= 1, got 0.")]
    [InlineData("clock=1.5", "driftwatch: Option 'clock' of detector 'adwin' has an invalid value 1.5.")]
    [InlineData("delta", "driftwatch: --option 'delta' is not of the form key=value.")]
    public async Task Detect_BadOption_OneLineOnStderrAndExitCode2(string option, string expected)
    {
        var (code, stdout, stderr) = await RunAsync("detect", "--detector", "adwin", "--input", Data("docstring_12345.csv"), "--option", option);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Detect_UnknownDetector_NamesKnownOnesAndExitCode2()
    {
        var (code, _, stderr) = await RunAsync("detect", "--detector", "adwin2", "--input", Data("ds3.csv"));

        Assert.Equal(2, code);
        Assert.Equal(
            "driftwatch: Unknown detector 'adwin2'; known detectors: adwin, page-hinkley, ddm, eddm, hddm-a, hddm-w, fhddm, cusum, ewma, shewhart, kswin.",
            stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Detect_BadModeValue_ExitCode2()
    {
        var (code, _, stderr) = await RunAsync("detect", "--detector", "cusum", "--input", Data("ds3.csv"), "--option", "mode=sideways");

        Assert.Equal(2, code);
        Assert.Equal("driftwatch: Option 'mode' of detector 'cusum' has an invalid value \"sideways\".", stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Detect_TwoColumnsWithoutColumnOption_AsksForColumn()
    {
        string csv = Write("two.csv", "a,b\n1,2\n3,4\n");

        var (code, _, stderr) = await RunAsync("detect", "--detector", "ddm", "--input", csv);

        Assert.Equal(2, code);
        Assert.Equal($"driftwatch: {csv}: 2 columns; choose one with --column.", stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Detect_TextColumn_ExitCode2()
    {
        string csv = Write("text.csv", "a,b\n1,x\n0,y\n");

        var (code, _, stderr) = await RunAsync("detect", "--detector", "ddm", "--input", csv, "--column", "b");

        Assert.Equal(2, code);
        Assert.Equal($"driftwatch: {csv}: column 'b' is not numeric.", stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Detect_MissingFile_NamesFileAndExitCode2()
    {
        string missing = Path.Combine(_dir, "missing.csv");

        var (code, _, stderr) = await RunAsync("detect", "--detector", "ddm", "--input", missing);

        Assert.Equal(2, code);
        Assert.Equal($"driftwatch: {missing}: file not found", stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Run_MissingAndNonFiniteCells_SkippedCountedAndIndicesKeepRowNumbers()
    {
        // Shewhart(k=3, min_instances=3): warm-up 0, 1, 2 → mean 1, sd 1, limits 1 ± 3. Row 3 is NaN (skipped),
        // row 4 = 5 is above 4 → drift at row 4, not 3; row 5 = +inf is skipped; row 6 starts afresh.
        var detector = new Shewhart(new ShewhartOptions { K = 3, MinInstances = 3 });
        double[] stream = [0, 1, 2, double.NaN, 5, double.PositiveInfinity, 1];

        var result = DetectCommand.Run(detector, stream);

        Assert.Equal([4], result.Drifts);
        Assert.Equal(2, result.Skipped);
        Assert.Equal(7, result.N);
    }

    [Fact]
    public async Task Detect_KswinWindowList_TestsFromTheFirstRow()
    {
        // window_size 8, stat_size 4: the seven warm-up values plus row 0 fill the window, W = {0,0,0,0} vs R = {1,1,1,1}.
        string csv = Write("s.csv", "x\n1\n1\n");

        var (code, stdout, stderr) = await RunAsync(
            "detect", "--detector", "kswin", "--input", csv, "--option", "alpha=0.05", "--option", "window_size=8",
            "--option", "stat_size=4", "--option", "seed=1", "--option", "window=0,0,0,0,1,1,1");

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal("""{"detector":"kswin","n":2,"drifts":[0],"warnings":[],"skipped":0}""", stdout.Trim());
    }

    [Fact]
    public async Task Detect_KswinWindowFile_ReadsItsColumnSkippingMissingCells()
    {
        string csv = Write("s.csv", "x,y\n1,9\n1,9\n");
        string warm = Write("warm.csv", "x\n0\n0\n\n0\n0\n1\n1\n1\n");

        var (code, stdout, stderr) = await RunAsync(
            "detect", "--detector", "kswin", "--input", csv, "--column", "x", "--option", "alpha=0.05", "--option", "window_size=8",
            "--option", "stat_size=4", "--option", "seed=1", "--option", "window=" + warm);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("\"drifts\":[0]", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("window=1,x", "driftwatch: Option 'window' must be a comma-separated list of numbers, got '1,x'.")]
    [InlineData("window=missing/warm.csv", "driftwatch: missing/warm.csv: file not found")]
    public async Task Detect_BadKswinWindow_OneLineOnStderrAndExitCode2(string option, string expected)
    {
        var (code, _, stderr) = await RunAsync("detect", "--detector", "kswin", "--input", Data("ds3.csv"), "--option", option);

        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("ddm")]
    [InlineData("adwin")]
    public void Run_StreamLongerThanOneChunk_SameIndicesAsOneUpdateAtATime(string name)
    {
        // Bernoulli errors whose rate moves 0.2 → 0.5 → 0.2 → ... every 40 000 rows (DDM also warns), with NaN cells.
        var random = new Random(11);
        double[] stream = [.. Enumerable.Range(0, 300_000).Select(i => random.Next(100) == 0 ? double.NaN : random.NextDouble() < (i / 40_000 % 2 == 0 ? 0.2 : 0.5) ? 1.0 : 0.0)];
        var one = DriftDetectors.Create(name);
        var expectedDrifts = new List<int>();
        var expectedWarnings = new List<int>();
        for (int i = 0; i < stream.Length; i++)
        {
            one.Update(stream[i]);
            if (double.IsFinite(stream[i]) && one.DriftDetected)
            {
                expectedDrifts.Add(i);
            }

            if (double.IsFinite(stream[i]) && one.WarningDetected)
            {
                expectedWarnings.Add(i);
            }
        }

        var result = DetectCommand.Run(DriftDetectors.Create(name), stream);

        Assert.True(expectedDrifts.Count >= 3);
        Assert.Equal(expectedDrifts, result.Drifts);
        Assert.Equal(expectedWarnings, result.Warnings);
        Assert.Equal(one.SkippedCount, result.Skipped);
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "detectors", name);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        string cli = typeof(CliException).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
