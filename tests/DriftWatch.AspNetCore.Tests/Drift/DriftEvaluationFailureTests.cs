using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Drift;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>
/// The service in process while its timed drift evaluations throw: each failure is counted in
/// <c>driftwatch_monitor_errors_total{observer="drift"}</c> and logged with the model's name, predictions are still
/// served, and the first evaluation after the fault clears publishes a snapshot again.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class DriftEvaluationFailureTests : IDisposable
{
    private const string DriftErrors = "driftwatch_monitor_errors_total{model=\"credit-risk\",observer=\"drift\"}";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FailingDriftClock _clock = new(new FakeTimeProvider(Start));
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ClockedHost _host;

    public DriftEvaluationFailureTests() =>
        _host = new ClockedHost(_clock, Interval, services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.Configure<DriftMonitorOptions>(o => o.MinimumRows = 100);
        });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Timer_EvaluationsThrow_CountedLoggedServingGoesOnAndRecoveryPublishes()
    {
        await PredictAsync(300, seed: 1);
        var before = await DriftErrorsAsync();
        _clock.Failing = true;

        _clock.Advance(Interval);
        _clock.Advance(Interval);
        await PredictAsync(100, seed: 2);
        _clock.Advance(Interval);

        Assert.Equal(0, before);
        Assert.Equal(3, await DriftErrorsAsync());
        Assert.Equal(0, Monitor().Latest.Sequence);
        var failures = Errors<DriftEvaluationHostedService>();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f =>
        {
            Assert.Equal("Drift evaluation of model credit-risk failed; serving continues, the previous snapshot stays, and the next tick retries.", f.Message);
            Assert.Equal("clock unavailable", Assert.IsType<InvalidOperationException>(f.Exception).Message);
        });

        _clock.Failing = false;
        _clock.Advance(Interval);

        Assert.Equal(3, await DriftErrorsAsync());
        var drift = await DriftAsync();
        Assert.Equal(1, (long)drift["sequence"]!);
        Assert.Equal(Start + (4 * Interval), DateTimeOffset.Parse((string)drift["evaluated_at"]!, CultureInfo.InvariantCulture));
        Assert.Equal(400, (int)drift["window_rows"]!);
        Assert.Equal(8, drift["columns"]!.AsArray().Count);
        Assert.Equal(3, Errors<DriftEvaluationHostedService>().Count);
    }

    [Fact]
    public async Task Timer_EvaluationsThrowAfterASnapshot_PreviousSnapshotServedUntilRecovery()
    {
        await PredictAsync(300, seed: 3);
        _clock.Advance(Interval);
        var published = Monitor().Latest;
        _clock.Failing = true;

        _clock.Advance(Interval);
        _clock.Advance(Interval);
        var stale = await DriftAsync();
        _clock.Failing = false;
        _clock.Advance(Interval);

        Assert.Equal(1, published.Sequence);
        Assert.Equal(1, (long)stale["sequence"]!);
        Assert.Equal(Start + Interval, DateTimeOffset.Parse((string)stale["evaluated_at"]!, CultureInfo.InvariantCulture));
        Assert.Equal(2, await DriftErrorsAsync());
        Assert.Equal(2, Monitor().Latest.Sequence);
        Assert.Equal(Start + (4 * Interval), Monitor().Latest.EvaluatedAt);
    }

    [Fact]
    public async Task GetDrift_FirstEvaluationThrows_EmptySnapshotNot500AndCounted()
    {
        await PredictAsync(300, seed: 4);
        _clock.Failing = true;

        var response = await _host.Client.GetAsync("/v1/models/credit-risk/drift", TestContext.Current.CancellationToken);
        var html = await _host.Client.GetAsync("/v1/models/credit-risk/drift?format=html", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var drift = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(0, (long)drift["sequence"]!);
        Assert.Equal(2, await DriftErrorsAsync());
        var logged = Errors<DriftWatchRuntime>();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, l => Assert.Equal("Observer drift failed on model credit-risk; serving continues.", l.Message));

        _clock.Failing = false;
        var recovered = await DriftAsync();

        Assert.Equal(1, (long)recovered["sequence"]!);
        Assert.Equal(300, (int)recovered["window_rows"]!);
    }

    private DriftMonitor Monitor()
    {
        Assert.True(_host.Factory.Services.GetRequiredService<Serving.Monitoring.DriftMonitorRegistry>().TryGetMonitor("credit-risk", out var monitor));
        return monitor;
    }

    private List<(string Category, LogLevel Level, Exception? Exception, string Message)> Errors<TCategory>() =>
        [.. _logs.Entries.Where(e => e.Category == typeof(TCategory).FullName && e.Level == LogLevel.Error)];

    /// <summary>Predicts the rows; any status but 200 fails the test (serving must go on while evaluations fail).</summary>
    private async Task PredictAsync(int rows, int seed)
    {
        var response = await _host.Client.PostAsync(
            "/v1/models/credit-risk/predict",
            DriftWatchFactory.Json(DriftService.Body(new CreditRiskGenerator(seed).Generate(rows))),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonObject> DriftAsync()
    {
        var response = await _host.Client.GetAsync("/v1/models/credit-risk/drift", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }

    /// <summary>Scrapes <c>/metrics</c> and reads the drift observer's error counter (0 while the series is absent).</summary>
    private async Task<long> DriftErrorsAsync()
    {
        var response = await _host.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split('\n')
            .SingleOrDefault(l => l.StartsWith(DriftErrors + " ", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[(DriftErrors.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
