using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Serving.Generation;

namespace DriftWatch.AspNetCore.Tests.Drift;

[Collection(MetricsCollection.Name)]
public sealed class DriftMetricsTests
{
    [Fact]
    public async Task Metrics_AfterEvaluation_DriftSeriesAndMatchingLeStrings()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(306);
        await service.PlayAsync(generator.Generate(2_000));
        await service.PlayAsync(generator.Generate(2_000, DriftScenario.CovariateShift));
        await service.DriftAsync();

        var text = await service.Client.GetStringAsync("/metrics");
        var lines = text.Split('\n');

        var observed = LeValues(lines, "driftwatch_feature_observations_total{", "age");
        var reference = LeValues(lines, "driftwatch_feature_reference_ratio{", "age");
        Assert.NotEmpty(observed);
        Assert.Equal(observed, reference);
        Assert.Equal("+Inf", observed[^1]);
        Assert.All(observed.SkipLast(1), le => Assert.Contains('.', le));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_feature_observations_total{", StringComparison.Ordinal) && l.Contains("feature=\"age\"", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal) && l.EndsWith(" 4000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_feature_drift_score{", StringComparison.Ordinal) && l.Contains("feature=\"income\"", StringComparison.Ordinal) && l.Contains("method=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_feature_drift_detected{", StringComparison.Ordinal) && l.Contains("feature=\"age\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_dataset_drift_share{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_dataset_drift_detected{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_prediction_drift_score{", StringComparison.Ordinal) && l.Contains("method=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("driftwatch_concept_drift_detections_total{", StringComparison.Ordinal) && l.Contains("detector=\"adwin\"", StringComparison.Ordinal));
    }

    private static string[] LeValues(string[] lines, string prefix, string feature) =>
        [.. lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains($"feature=\"{feature}\"", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..])
            .Select(l => l[..l.IndexOf('"', StringComparison.Ordinal)])];
}
