using DriftWatch.IntegrationTests.Infrastructure;

namespace DriftWatch.IntegrationTests.LabelFree;

/// <summary>
/// The label-free alert rules under promtool: covariate shift fires the estimate alert only, concept drift the
/// estimate-versus-realized gap only, and a correlation change and an outlier burst their own alerts
/// (deploy/prometheus/tests/label-free.test.yml).
/// </summary>
public sealed class LabelFreeRulesTests
{
    [Fact]
    public async Task CheckRules_LabelFreeFile_Passes()
    {
        var result = await Tools.PromtoolAsync("check", "rules", Path.Combine(RepoPaths.Rules, "label-free.yml"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS: 29 rules found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_ShiftScenarios_FireTheirAlertsOnly()
    {
        var result = await Tools.PromtoolAsync("test", "rules", Path.Combine(RepoPaths.PromtoolTests, "label-free.test.yml"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }
}
