using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Tests.Drift;
using DriftWatch.Serving.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

public sealed partial class OverviewEndpointTests : IDisposable
{
    private const string AlertsKey = "alerts-key-0123456789";

    private readonly DriftWatchFactory _factory = new() { ExtraServices = s => s.Configure<AlertsOptions>(o => o.Keys.Add(AlertsKey)) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Root_Default_HtmlWithNoncedScriptsStrictCspAndModelRow()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self'; script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; script", csp, StringComparison.Ordinal);
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var scripts = ScriptTag().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, n => Assert.Equal(nonce, n));
        Assert.Contains("<tr data-model=\"credit-risk\"><td><a href=\"/v1/models/credit-risk\">credit-risk</a></td><td>1</td><td>binary_classification</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"predictions\" data-value=\"0\">0</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/v1/models/credit-risk/drift?format=html\">drift report</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/v1/models/credit-risk/drift\">drift JSON</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/metrics\">/metrics</a>", html, StringComparison.Ordinal);
        Assert.Contains("fetch('/v1/overview'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_NoncePerResponse_Differs()
    {
        var client = _factory.CreateClient();

        var first = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var second = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.NotEqual(
            Assert.Single(first.Headers.GetValues("Content-Security-Policy")),
            Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Json_AfterPredictions_CountsTrafficAndLatencyPerModel()
    {
        var client = _factory.CreateClient();
        await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance(), DriftWatchFactory.Instance(age: 30), DriftWatchFactory.Instance(age: 50));
        await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance());

        var response = await client.GetAsync("/v1/overview", TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var model = Assert.Single(body["models"]!.AsArray())!;
        Assert.Equal("credit-risk", (string)model["name"]!);
        Assert.Equal("1", (string)model["version"]!);
        Assert.Equal("binary_classification", (string)model["task"]!);
        Assert.Equal(8, (int)model["features"]!);
        Assert.Equal(4, (long)model["predictions"]!);
        Assert.Equal(2, (long)model["requests"]!);
        Assert.True((double)model["meanLatencyMs"]! >= 0);
        Assert.True((double)model["p99LatencyMs"]! > 0);
        Assert.Equal("4", (string)model["display"]!["predictions"]!);
        Assert.Matches("^p99 [0-9]+\\.[0-9]{2} ms, [0-9]+\\.[0-9]{2} ms mean over 2 requests$", (string)model["display"]!["latency"]!);
        Assert.Equal(0, (int)model["labelled"]!);
        Assert.Null(model["accuracy"]);
        Assert.Equal("no labels yet", (string)model["display"]!["quality"]!);
        Assert.Empty(body["alerts"]!.AsArray());
    }

    [Fact]
    public async Task Root_AlertWithMarkup_EncodedInPageAndPlainInJson()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, AlertsKey);
        const string Payload = """
            {"version":"4","status":"firing","receiver":"r","alerts":[
              {"status":"firing","labels":{"alertname":"<img src=x onerror=alert(1)>","severity":"critical\"'&"},
               "annotations":{"summary":"<script>alert('x')</script> & more"},"startsAt":"2026-11-27T10:00:00Z","fingerprint":"f1"}]}
            """;
        (await client.PostAsync("/v1/alerts", DriftWatchFactory.Json(Payload), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(await client.GetStringAsync("/v1/overview", TestContext.Current.CancellationToken))!;

        Assert.Contains("<li><strong>&lt;img src=x onerror=alert(1)&gt;</strong> [critical&quot;&#39;&amp;] &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more (since 2026-11-27 10:00:00Z)</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var alert = Assert.Single(json["alerts"]!.AsArray())!;
        Assert.Equal("<script>alert('x')</script> & more", (string)alert["summary"]!);
        Assert.Equal("2026-11-27 10:00:00Z", (string)alert["since"]!);
    }

    [Fact]
    public async Task Json_AfterCovariateShiftAndLabels_DriftQualityAndDriftedFeatures()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(311);
        await service.PlayAsync(generator.Generate(2_000));
        await service.PlayAsync(generator.Generate(3_000, DriftScenario.CovariateShift));
        var expected = DriftService.Drifted(await service.DriftAsync());

        var json = JsonNode.Parse(await service.Client.GetStringAsync("/v1/overview", TestContext.Current.CancellationToken))!;
        var html = await service.Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        var model = Assert.Single(json["models"]!.AsArray())!;
        Assert.Equal(5_000, (long)model["predictions"]!);
        Assert.True((int)model["labelled"]! > 0);
        Assert.InRange((double)model["accuracy"]!, 0.5, 1.0);
        var drift = model["drift"]!;
        Assert.True((bool)drift["evaluated"]!);
        Assert.True((bool)drift["datasetDrift"]!);
        Assert.Equal(expected, drift["driftedFeatures"]!.AsArray().Select(f => (string)f!).Order());
        Assert.StartsWith("drift: share ", (string)model["display"]!["drift"]!, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"drift\" class=\"badge drift\">drift: share ", html, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", drift["driftedFeatures"]!.AsArray().Select(f => (string)f!)), html, StringComparison.Ordinal);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script nonce=\"([^\"]+)\">")]
    private static partial Regex ScriptTag();
}
