using System.Text.Json.Nodes;
using DriftWatch.Cli.Tests.Report;

namespace DriftWatch.Cli.Tests.Demo;

[Collection(ConsoleCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_ShortStory_ServesPlaysAndWritesReport()
    {
        var output = Directory.CreateTempSubdirectory("driftwatch-demo-");
        try
        {
            var (code, stdout, stderr) = await CliRun.RunAsync("demo", "--phase-seconds", "2", "--rps", "100", "--output", output.FullName);

            Assert.True(code == 0, stderr);
            Assert.Contains("/v1/models/credit-risk/drift", stdout, StringComparison.Ordinal);
            Assert.Contains("act 4/4", stdout, StringComparison.Ordinal);
            var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output.FullName, "drift-report.json")))!;
            Assert.Equal("credit-risk", (string)report["model"]!);
            Assert.True((long)report["total_rows"]! > 0);
            Assert.NotNull(report["concept_drift"]);
            Assert.NotNull(report["integrity"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Demo_BadPhaseSeconds_ExitCode2()
    {
        var (code, _, stderr) = await CliRun.RunAsync("demo", "--phase-seconds", "0");

        Assert.Equal(DriftWatchApp.BadInput, code);
        Assert.Contains("--phase-seconds", stderr, StringComparison.Ordinal);
    }
}
