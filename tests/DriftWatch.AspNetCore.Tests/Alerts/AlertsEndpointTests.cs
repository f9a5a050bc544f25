using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Alerts;

public sealed class AlertsEndpointTests : IDisposable
{
    private const string Key = "alerts-key-0123456789";

    private const string Firing = """
        {"version":"4","status":"firing","receiver":"driftwatch-ticket","alerts":[
          {"status":"firing","labels":{"alertname":"DriftWatchDatasetDrift","severity":"warning","model":"credit-risk"},
           "annotations":{"summary":"Dataset drift for credit-risk on a:8080"},"startsAt":"2026-11-27T10:00:00Z","fingerprint":"f1"},
          {"status":"firing","labels":{"alertname":"DriftWatchTargetDown","severity":"critical"},
           "annotations":{"summary":"DriftWatch replica b:8080 is down"},"startsAt":"2026-11-27T10:05:00Z","fingerprint":"f2"}]}
        """;

    private readonly DriftWatchFactory _factory = new() { ExtraServices = s => s.Configure<AlertsOptions>(o => o.Keys.Add(Key)) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Receive_FiringThenResolved_KeepsOnlyStillFiringAlerts()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, Key);

        var first = await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(Firing), TestContext.Current.CancellationToken);
        var resolved = Firing.Replace("\"status\":\"firing\",\"labels\":{\"alertname\":\"DriftWatchTargetDown\"", "\"status\":\"resolved\",\"labels\":{\"alertname\":\"DriftWatchTargetDown\"", StringComparison.Ordinal);
        var second = await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(resolved), TestContext.Current.CancellationToken);
        var list = JsonNode.Parse(await client.GetStringAsync("/v1/alerts", TestContext.Current.CancellationToken))!;

        Assert.Equal("""{"received":2,"firing":2}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"received":2,"firing":1}""", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var alerts = list["alerts"]!.AsArray();
        Assert.Single(alerts);
        Assert.Equal("DriftWatchDatasetDrift", (string)alerts[0]!["name"]!);
    }

    [Fact]
    public async Task Overview_AfterFiringAlert_ListsItWithSummary()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, Key);
        await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(Firing), TestContext.Current.CancellationToken);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<h2>Firing alerts</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>DriftWatchTargetDown</strong> [critical] DriftWatch replica b:8080 is down (since 2026-11-27 10:05:00Z)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task Receive_WithoutTheAlertsKey_401(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            DriftWatchFactory.Authorize(client, key);
        }

        var response = await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(Firing), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Authorization", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Receive_NoKeyConfigured_403()
    {
        using var factory = new DriftWatchFactory();
        var client = factory.CreateClient();
        DriftWatchFactory.Authorize(client, Key);

        var response = await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(Firing), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("""{"version":"4"}""", "alerts")]
    [InlineData("""{"alerts":[{"status":"weird","labels":{},"fingerprint":"x"}]}""", "alerts[0]")]
    [InlineData("""{"alerts":[{"status":"firing","labels":{"alertname":"A"}}]}""", "alerts[0]")]
    public async Task Receive_BadBody_400NamingTheField(string body, string field)
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, Key);

        var response = await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }
}
