using DriftWatch.IntegrationTests.Infrastructure;
using DriftWatch.Slo;

namespace DriftWatch.IntegrationTests.Slo;

public sealed class CommittedSloRulesTests
{
    private static readonly string SpecPath = Path.Combine(RepoPaths.Deploy, "slo", "slo.yaml");
    private static readonly string RulesPath = Path.Combine(RepoPaths.Rules, "slo-credit-risk.yml");

    [Fact]
    public void CommittedRules_EqualFreshGeneration()
    {
        var fresh = SloRules.Generate(File.ReadAllText(SpecPath), "slo.yaml");

        // On failure regenerate: driftwatch slo generate --spec deploy/slo/slo.yaml --out deploy/prometheus/rules/slo-credit-risk.yml
        Assert.Equal(fresh, File.ReadAllText(RulesPath));
    }

    [Fact]
    public async Task Cli_GenerateDefaultSpec_WritesTheCommittedRules()
    {
        var outFile = Path.Combine(Directory.CreateTempSubdirectory("dw-slo-cli-").FullName, "rules.yml");

        var result = await Tools.CliAsync("slo", "generate", "--spec", SpecPath, "--out", outFile);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(await File.ReadAllTextAsync(RulesPath, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cli_ObjectiveOutOfRange_OneLineOnStderrExitCode2()
    {
        var spec = Path.Combine(Directory.CreateTempSubdirectory("dw-slo-cli-").FullName, "bad.yaml");
        await File.WriteAllTextAsync(spec, "service: s\nslos:\n  - name: a\n    objective: 100.5\n    sli: {kind: availability}\n", TestContext.Current.CancellationToken);

        var result = await Tools.CliAsync("slo", "generate", "--spec", spec);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            $"driftwatch: {spec}: slo 'a': objective 100.5 is out of range (a percentage strictly between 0 and 100, e.g. 99.9)\n",
            result.Stderr);
    }

    [Fact]
    public async Task Cli_MissingSpecFile_ExitCode2()
    {
        var result = await Tools.CliAsync("slo", "generate", "--spec", "/nonexistent/slo.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("driftwatch: /nonexistent/slo.yaml: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task CheckRules_CommittedSloRules_Pass()
    {
        var result = await Tools.PromtoolAsync("check", "rules", RulesPath);

        Assert.True(result.ExitCode == 0, result.Output);
    }
}
