using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

/// <summary>Golden test of the <c>/metrics</c> exposition: names, types and label sets, plus the values of a fixed story.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsExpositionTests : IAsyncLifetime
{
    private readonly DriftWatchFactory _factory = new();
    private string _metrics = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var client = _factory.CreateClient();
        var good = DriftWatchFactory.Instance(41);
        var odd = DriftWatchFactory.Instance(200, income: "null", employment: "\"astronaut\"");
        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{good}},{{odd}}]}"""));
        var predictions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]!.AsArray();
        await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json("""{"instances":[{"shoe_size":44}]}"""));
        var right = (int)predictions[0]!["label"]!;
        var wrong = 1 - (int)predictions[1]!["label"]!;
        await client.PostAsync(
            "/v1/models/credit-risk/feedback",
            DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{predictions[0]!["id"]}}","actual":{{right}}},{"id":"{{predictions[1]!["id"]}}","actual":{{wrong}}}]}"""));
        _metrics = await client.GetStringAsync("/metrics");
    }

    public ValueTask DisposeAsync()
    {
        _factory.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void Metrics_DriftWatchFamilies_MatchGolden()
    {
        var actual = string.Join('\n', Shape(_metrics));
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "metrics.golden.txt");
        if (Environment.GetEnvironmentVariable("DRIFTWATCH_UPDATE_GOLDEN") is { } target)
        {
            File.WriteAllText(target, actual + "\n");
        }

        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), actual);
    }

    [Theory]
    [InlineData("driftwatch_predictions_total{model=\"credit-risk\",model_version=\"1\"}", 2)]
    [InlineData("driftwatch_prediction_duration_seconds_count{model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_prediction_errors_total{model=\"credit-risk\",model_version=\"1\",reason=\"invalid_input\"}", 1)]
    [InlineData("driftwatch_feature_missing_total{feature=\"income\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_feature_missing_total{feature=\"age\",model=\"credit-risk\",model_version=\"1\"}", 0)]
    [InlineData("driftwatch_feature_out_of_range_total{feature=\"age\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_feature_category_observations_total{category=\"salaried\",feature=\"employment_type\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_feature_category_observations_total{category=\"__other__\",feature=\"employment_type\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_feature_category_observations_total{category=\"mobile\",feature=\"device_type\",model=\"credit-risk\",model_version=\"1\"}", 2)]
    [InlineData("driftwatch_input_violations_total{kind=\"unknown_feature\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_input_violations_total{kind=\"unseen_category\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_input_violations_total{kind=\"out_of_range\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_input_violations_total{kind=\"missing_value\",model=\"credit-risk\",model_version=\"1\"}", 1)]
    [InlineData("driftwatch_labelled_predictions_total{model=\"credit-risk\",model_version=\"1\",outcome=\"correct\"}", 1)]
    [InlineData("driftwatch_labelled_predictions_total{model=\"credit-risk\",model_version=\"1\",outcome=\"incorrect\"}", 1)]
    [InlineData("driftwatch_feedback_total{model=\"credit-risk\",model_version=\"1\",status=\"stored\"}", 2)]
    [InlineData("driftwatch_model_accuracy{model=\"credit-risk\",model_version=\"1\"}", 0.5)]
    [InlineData("driftwatch_predictions_shed_total{}", 0)]
    public void Metrics_AfterStory_ExactValue(string series, double expected)
    {
        var line = _metrics.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.Equal(expected, double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Metrics_DurationHistogram_HasExplicitSecondBuckets()
    {
        var buckets = _metrics.Split('\n')
            .Where(l => l.StartsWith("driftwatch_prediction_duration_seconds_bucket{", StringComparison.Ordinal))
            .Select(l => LeLabel().Match(l).Groups[1].Value);

        Assert.Equal(["0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"], buckets);
    }

    [Theory]
    [InlineData("# TYPE http_server_request_duration_seconds histogram")]
    [InlineData("# TYPE aspnetcore_routing_match_attempts_total counter")]
    [InlineData("# TYPE dotnet_gc_collections_total counter")]
    [InlineData("# TYPE process_cpu_time_seconds_total counter")]
    public void Metrics_PlatformMeters_Exported(string typeLine)
    {
        Assert.Contains(typeLine, _metrics.Split('\n'));
    }

    [Fact]
    public void Metrics_NoRequestValueInLabels()
    {
        Assert.DoesNotContain("astronaut", _metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("shoe_size", _metrics, StringComparison.Ordinal);
    }

    /// <summary>The exposition reduced to what must not change silently: TYPE lines and sample names with label sets.</summary>
    private static IEnumerable<string> Shape(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith("# TYPE driftwatch_", StringComparison.Ordinal) || l.StartsWith("driftwatch_", StringComparison.Ordinal))
            .Select(l => l.StartsWith('#') ? l : l[..l.IndexOf(' ', StringComparison.Ordinal)])
            .Where(l => !l.Contains("_bucket{", StringComparison.Ordinal) || l.Contains("le=\"+Inf\"", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex LeLabel();
}
