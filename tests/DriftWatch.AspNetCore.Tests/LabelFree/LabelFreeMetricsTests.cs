using System.Globalization;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>The label-free series on <c>/metrics</c> once the window holds enough rows and the evaluation timer has ticked.</summary>
[Collection(MetricsCollection.Name)]
public sealed class LabelFreeMetricsTests : IAsyncLifetime
{
    private const string Tags = "{model=\"credit-risk\",model_version=\"1\"}";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ClockedHost _host;
    private string _metrics = string.Empty;

    public LabelFreeMetricsTests() => _host = new ClockedHost(_time);

    public async ValueTask InitializeAsync()
    {
        var client = _host.Client;
        var random = new Random(5);
        for (var request = 0; request < 3; request++)
        {
            var instances = Enumerable.Range(0, 40).Select(_ => DriftWatchFactory.Instance(
                age: 25 + random.Next(40),
                income: (20_000 + random.Next(80_000)).ToString(CultureInfo.InvariantCulture))).ToArray();
            await _host.Factory.PredictIdsAsync(client, instances);
        }

        // One tick of the evaluation timer (the drift interval, 15 s by default) evaluates the window; the scrape only reads it.
        _time.Advance(new DriftMonitorOptions().EvaluationInterval);
        _metrics = await client.GetStringAsync("/metrics");
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("accuracy")]
    [InlineData("precision")]
    [InlineData("recall")]
    [InlineData("f1")]
    [InlineData("roc_auc")]
    public void Metrics_EstimatedQuality_WithinItsBounds(string metric)
    {
        var value = Value($"driftwatch_model_estimated_{metric}");
        var lower = Value($"driftwatch_model_estimated_{metric}_lower");
        var upper = Value($"driftwatch_model_estimated_{metric}_upper");
        var thresholdLower = Value($"driftwatch_model_estimated_{metric}_threshold_lower");
        var thresholdUpper = Value($"driftwatch_model_estimated_{metric}_threshold_upper");

        Assert.InRange(value, 0, 1);
        Assert.InRange(lower, 0, value);
        Assert.InRange(upper, value, 1);
        Assert.InRange(thresholdLower, 0, thresholdUpper);
        Assert.True(thresholdUpper <= 1);
    }

    [Fact]
    public void Metrics_Reconstruction_ErrorAndThresholdsExported()
    {
        var error = Value("driftwatch_reconstruction_error");
        var lower = Value("driftwatch_reconstruction_error_threshold_lower");
        var upper = Value("driftwatch_reconstruction_error_threshold_upper");
        var detected = Value("driftwatch_reconstruction_drift_detected");

        Assert.True(error > 0);
        Assert.True(lower < upper);
        Assert.Equal(error < lower || error > upper ? 1 : 0, detected);
        Assert.InRange(Value("driftwatch_outliers_total"), 0, 120);
    }

    private double Value(string name)
    {
        var line = _metrics.Split('\n').SingleOrDefault(l => l.StartsWith(name + Tags + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{name}{Tags} not exported");
        return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
