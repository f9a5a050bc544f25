using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Tests.Drift;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>
/// Label-free evaluation runs on the service's timer only: scrapes of <c>/metrics</c>, the drift snapshot and the overview
/// read the latest snapshot and never evaluate.
/// </summary>
[Collection(Monitoring.MetricsCollection.Name)]
public sealed class LabelFreeTimerTests : IDisposable
{
    private const string Estimated = "driftwatch_model_estimated_accuracy{model=\"credit-risk\",model_version=\"1\"} ";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ClockedHost _host;

    public LabelFreeTimerTests() => _host = new ClockedHost(_time, Interval);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Scrape_BeforeFirstTick_DoesNotEvaluateOrExportEstimates()
    {
        await PredictAsync(200);
        var monitor = Monitor();

        var metrics = await ReadEverythingAsync();

        Assert.Equal(0, monitor.Evaluations);
        Assert.Null(monitor.Latest);
        Assert.DoesNotContain(Estimated, metrics, StringComparison.Ordinal);
        var drift = JsonNode.Parse(await _host.Client.GetStringAsync("/v1/models/credit-risk/drift", TestContext.Current.CancellationToken))!.AsObject();
        Assert.True(drift.ContainsKey("label_free"));
        Assert.Null(drift["label_free"]);
    }

    [Fact]
    public async Task Scrape_AfterTick_ReadsTheTicksSnapshotWithoutEvaluatingAgain()
    {
        await PredictAsync(200);
        var monitor = Monitor();

        _time.Advance(Interval);
        var evaluated = monitor.Latest;
        var metrics = await ReadEverythingAsync();
        await ReadEverythingAsync();

        Assert.Equal(1, monitor.Evaluations);
        Assert.NotNull(evaluated);
        Assert.Same(evaluated, monitor.Latest);
        var line = metrics.Split('\n').Single(l => l.StartsWith(Estimated, StringComparison.Ordinal));
        var exported = double.Parse(line[Estimated.Length..], CultureInfo.InvariantCulture);
        Assert.Equal(evaluated.Estimate![Quality.CbpeMetric.Accuracy].Value, exported, 1e-12);
    }

    [Fact]
    public async Task Timer_ConfiguredInterval_EvaluatesOncePerIntervalWithTheNewRows()
    {
        await PredictAsync(200);
        var monitor = Monitor();

        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(0, monitor.Evaluations);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, monitor.Evaluations);
        Assert.Equal(200, monitor.Latest!.Rows);

        await PredictAsync(100);
        Assert.Equal(200, monitor.Latest!.Rows);
        _time.Advance(Interval);

        Assert.Equal(2, monitor.Evaluations);
        Assert.Equal(300, monitor.Latest!.Rows);
        Assert.Equal(0, HostedService().Failures);
    }

    [Fact]
    public async Task Timer_FewerThanMinimumRows_NoSnapshotUntilEnoughRows()
    {
        await PredictAsync(LabelFreeMonitor.MinimumRows - 1);
        var monitor = Monitor();

        _time.Advance(Interval);
        Assert.Null(monitor.Latest);

        await PredictAsync(1);
        _time.Advance(Interval);

        Assert.Equal(LabelFreeMonitor.MinimumRows, monitor.Latest!.Rows);
    }

    [Fact]
    public async Task OverviewAndDriftHtml_AfterTick_ShowTheEstimate()
    {
        await PredictAsync(300);
        _time.Advance(Interval);
        var accuracy = Monitor().Latest!.Estimate![Quality.CbpeMetric.Accuracy];

        var overview = JsonNode.Parse(await _host.Client.GetStringAsync("/v1/overview", TestContext.Current.CancellationToken))!;
        var page = await _host.Client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var response = await _host.Client.GetAsync("/v1/models/credit-risk/drift?format=html", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var shown = accuracy.Value.ToString("0.000", CultureInfo.InvariantCulture);
        var model = Assert.Single(overview["models"]!.AsArray())!;
        Assert.Equal(shown, (string)model["display"]!["estimated"]!);
        Assert.Contains($"data-field=\"estimated\"", page, StringComparison.Ordinal);
        Assert.Contains($">{shown}</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Estimated accuracy (no labels): {shown}", html, StringComparison.Ordinal);
        Assert.Equal(1, Monitor().Evaluations);
    }

    private LabelFreeMonitor Monitor() =>
        _host.Factory.Services.GetServices<IPredictionObserverFactory>().OfType<LabelFreeMonitorFactory>().Single().Find("credit-risk")!;

    private LabelFreeEvaluationHostedService HostedService() =>
        _host.Factory.Services.GetServices<IHostedService>().OfType<LabelFreeEvaluationHostedService>().Single();

    private async Task PredictAsync(int rows)
    {
        var response = await _host.Client.PostAsync(
            "/v1/models/credit-risk/predict",
            DriftWatchFactory.Json(DriftService.Body(new CreditRiskGenerator(rows).Generate(rows))),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Scrapes <c>/metrics</c> three times and reads the drift snapshot (JSON and HTML) and the overview.</summary>
    private async Task<string> ReadEverythingAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var metrics = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            metrics = await _host.Client.GetStringAsync("/metrics", token);
        }

        (await _host.Client.GetAsync("/v1/models/credit-risk/drift", token)).EnsureSuccessStatusCode();
        (await _host.Client.GetAsync("/v1/models/credit-risk/drift?format=html", token)).EnsureSuccessStatusCode();
        (await _host.Client.GetAsync("/v1/overview", token)).EnsureSuccessStatusCode();
        (await _host.Client.GetAsync("/", token)).EnsureSuccessStatusCode();
        return metrics;
    }
}
