using DriftWatch.IntegrationTests.Infrastructure;

namespace DriftWatch.IntegrationTests.Prometheus;

/// <summary>promtool on everything in deploy/prometheus: the config, every rule file, every unit test file.</summary>
public sealed class PromtoolTests
{
    public static TheoryData<string> RuleFiles => new(Directory.GetFiles(RepoPaths.Rules, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> TestFiles => new(Directory.GetFiles(RepoPaths.PromtoolTests, "*.test.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void FleetDriftRules_CommittedFile_EqualsGenerator()
    {
        var path = Path.Combine(RepoPaths.Rules, "fleet-drift.yml");
        var fresh = FleetDriftRuleFile.Generate();
        if (Environment.GetEnvironmentVariable("DRIFTWATCH_REGENERATE") == "1")
        {
            File.WriteAllText(path, fresh);
        }

        Assert.Equal(fresh, File.ReadAllText(path));
    }

    [Fact]
    public async Task CheckConfig_PrometheusYml_PassesWithEveryRuleFile()
    {
        var result = await Tools.PromtoolAsync("check", "config", Path.Combine(RepoPaths.Deploy, "prometheus", "prometheus.yml"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"SUCCESS: {Directory.GetFiles(RepoPaths.Rules, "*.yml").Length} rule files found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_AlertmanagerYml_Passes()
    {
        var result = await Tools.RunAsync("amtool", ["check-config", Path.Combine(RepoPaths.Deploy, "alertmanager", "alertmanager.yml")], ct: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("3 inhibit rules", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public async Task CheckRules_RuleFile_Passes(string file)
    {
        var result = await Tools.PromtoolAsync("check", "rules", Path.Combine(RepoPaths.Rules, file));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task TestRules_UnitTestFile_Passes(string file)
    {
        var result = await Tools.PromtoolAsync("test", "rules", Path.Combine(RepoPaths.PromtoolTests, file));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }
}
