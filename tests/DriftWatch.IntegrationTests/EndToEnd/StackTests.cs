using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DriftWatch.IntegrationTests.Grafana;
using DriftWatch.IntegrationTests.Infrastructure;

namespace DriftWatch.IntegrationTests.EndToEnd;

/// <summary>
/// Three replicas of <c>driftwatch serve</c> scraped by a real Prometheus running deploy/prometheus/prometheus.yml and
/// its rules (only the intervals shortened and the file_sd targets pointed at the replicas).
/// </summary>
public sealed class StackTests : IDisposable
{
    private readonly List<ChildProcess> _processes = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("dw-stack-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            p.Dispose();
        }

        _http.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a child may still hold a file for a moment
        }
    }

    [Fact]
    public async Task Stack_ThreeReplicas_PanelsParseSloRulesAndFleetCountsHaveData()
    {
        var ct = TestContext.Current.CancellationToken;
        var replicas = Enumerable.Range(0, 3).Select(_ => ChildProcess.FreePort()).ToArray();
        foreach (var port in replicas)
        {
            var dir = Directory.CreateDirectory(Path.Combine(_dir, $"replica-{port}")).FullName;
            _processes.Add(ChildProcess.Start("dotnet", [RepoPaths.CliDll, "serve", "--urls", $"http://127.0.0.1:{port}"], dir));
        }

        var prometheusPort = ChildProcess.FreePort();
        var config = PrometheusConfig(replicas);
        _processes.Add(ChildProcess.Start("prometheus", [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_dir, "tsdb")}", $"--web.listen-address=127.0.0.1:{prometheusPort}"], _dir));
        var prom = $"http://127.0.0.1:{prometheusPort}";
        foreach (var port in replicas)
        {
            await ChildProcess.WaitForAsync(_http, $"http://127.0.0.1:{port}/readyz", TimeSpan.FromSeconds(60), ct);
        }

        await ChildProcess.WaitForAsync(_http, $"{prom}/-/ready", TimeSpan.FromSeconds(30), ct);

        // Traffic in two rounds (each replica scraped in between, so increase() sees the counters grow): 30 rows per
        // replica per round in batches of 10, seeded.
        var random = new Random(7);
        var sent = 0;
        await EventuallyAsync(async () => await ScalarAsync(prom, "sum(up{job=\"driftwatch\"})", ct) == 3, ct);
        for (var round = 0; round < 2; round++)
        {
            foreach (var port in replicas)
            {
                for (var batch = 0; batch < 3; batch++)
                {
                    var rows = Enumerable.Range(0, 10).Select(_ => Row(random));
                    using var response = await _http.PostAsync(
                        $"http://127.0.0.1:{port}/v1/models/credit-risk/predict",
                        new StringContent($"{{\"instances\":[{string.Join(',', rows)}]}}", Encoding.UTF8, "application/json"),
                        ct);
                    Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
                    sent += 10;
                }
            }

            // The summed prediction counters equal what was sent (every replica scraped after the round).
            var expected = sent;
            await EventuallyAsync(async () => await ScalarAsync(prom, "sum(driftwatch_predictions_total{model=\"credit-risk\"})", ct) == expected, ct);
        }

        // SLO recording rules return data against the live replicas.
        await EventuallyAsync(async () => !double.IsNaN(await ScalarAsync(prom, "slo:sli_error:ratio_rate5m{sloth_slo=\"availability\"}", ct)), ct);
        var availability = await QueryAsync(prom, "slo:sli_error:ratio_rate5m{sloth_slo=\"availability\"}", ct);
        Assert.Equal(0.0, double.Parse((string)availability[0]!["value"]![1]!, CultureInfo.InvariantCulture));
        await EventuallyAsync(async () => await ScalarAsync(prom, "slo:period_error_budget_remaining:ratio{sloth_slo=\"availability\"}", ct) == 1, ct);

        // Every Grafana panel query parses against the live Prometheus (variables substituted).
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Dashboards, "*.json"))
        {
            foreach (var panel in DashboardTests.Panels(DashboardTests.Load(file)).Where(p => p.TryGetProperty("targets", out _)))
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    var expr = Substitute(target.GetProperty("expr").GetString()!);
                    using var r = await _http.GetAsync($"{prom}/api/v1/query?query={Uri.EscapeDataString(expr)}", ct);
                    if (!r.IsSuccessStatusCode)
                    {
                        failures.Add($"{Path.GetFileName(file)} '{panel.GetProperty("title").GetString()}': {await r.Content.ReadAsStringAsync(ct)}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Stack_ReplicaKilled_TargetDownReachesWebhookThroughAlertmanager()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sink = new WebhookSink(ChildProcess.FreePort());
        var replicas = Enumerable.Range(0, 2).Select(_ => ChildProcess.FreePort()).ToArray();
        var replicaProcesses = new List<ChildProcess>();
        foreach (var port in replicas)
        {
            var dir = Directory.CreateDirectory(Path.Combine(_dir, $"replica-{port}")).FullName;
            var p = ChildProcess.Start("dotnet", [RepoPaths.CliDll, "serve", "--urls", $"http://127.0.0.1:{port}"], dir);
            _processes.Add(p);
            replicaProcesses.Add(p);
        }

        var amPort = ChildProcess.FreePort();
        var amDir = Directory.CreateDirectory(Path.Combine(_dir, "alertmanager")).FullName;
        File.WriteAllText(Path.Combine(amDir, "webhook-key"), "test-alerts-key\n");

        // The tested routing file; only the receiver URL and the key file's path point into the test.
        var am = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "alertmanager", "alertmanager.yml"))
            .Replace("http://driftwatch:8080/v1/alerts", sink.Url, StringComparison.Ordinal)
            .Replace("/etc/alertmanager/webhook-key", Path.Combine(amDir, "webhook-key"), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(amDir, "alertmanager.yml"), am);
        _processes.Add(ChildProcess.Start("prometheus-alertmanager", [
            $"--config.file={Path.Combine(amDir, "alertmanager.yml")}", $"--storage.path={Path.Combine(amDir, "data")}",
            $"--web.listen-address=127.0.0.1:{amPort}", "--cluster.listen-address="], amDir));

        var prometheusPort = ChildProcess.FreePort();
        var config = PrometheusConfig(replicas, amPort);
        _processes.Add(ChildProcess.Start("prometheus", [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_dir, "tsdb")}", $"--web.listen-address=127.0.0.1:{prometheusPort}"], _dir));
        var prom = $"http://127.0.0.1:{prometheusPort}";
        await ChildProcess.WaitForAsync(_http, $"{prom}/-/ready", TimeSpan.FromSeconds(30), ct);
        await ChildProcess.WaitForAsync(_http, $"http://127.0.0.1:{amPort}/-/ready", TimeSpan.FromSeconds(30), ct);
        await EventuallyAsync(async () => await ScalarAsync(prom, "sum(up{job=\"driftwatch\"})", ct) == 2, ct);
        Assert.Empty(sink.Received);

        replicaProcesses[0].Dispose();

        // up == 0 for 1m ("for"), then the critical route's 10 s group wait: well within 2 minutes.
        await EventuallyAsync(() => Task.FromResult(sink.Received.Any(r => r.Body.Contains("\"DriftWatchTargetDown\"", StringComparison.Ordinal))), ct, TimeSpan.FromSeconds(150));
        var (authorization, body) = sink.Received.First(r => r.Body.Contains("\"DriftWatchTargetDown\"", StringComparison.Ordinal));
        var payload = JsonNode.Parse(body)!;
        Assert.Equal("Bearer test-alerts-key", authorization);
        Assert.Equal("driftwatch-page", (string)payload["receiver"]!);
        var alert = payload["alerts"]!.AsArray().Single()!;
        Assert.Equal("firing", (string)alert["status"]!);
        Assert.Equal($"127.0.0.1:{replicas[0]}", (string)alert["labels"]!["instance"]!);
    }

    private static string Substitute(string expr) => expr
        .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
        .Replace("$model", "credit-risk", StringComparison.Ordinal)
        .Replace("$feature", ".*", StringComparison.Ordinal)
        .Replace("$sloth_id", "driftwatch-availability", StringComparison.Ordinal);

    private static string Row(Random r) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"age":{{r.Next(21, 70)}},"income":{{r.Next(15000, 150000)}},"debt_to_income":{{Math.Round(r.NextDouble() * 0.6, 3)}},"credit_history_months":{{r.Next(6, 360)}},"num_open_accounts":{{r.Next(0, 12)}},"loan_amount":{{r.Next(1000, 40000)}},"employment_type":"{{(r.Next(4) switch { 0 => "salaried", 1 => "self_employed", 2 => "unemployed", _ => "retired" })}}","device_type":"{{(r.Next(3) switch { 0 => "desktop", 1 => "mobile", _ => "tablet" })}}"}""");

    private string PrometheusConfig(int[] replicas, int? alertmanagerPort = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "prometheus")).FullName;
        var source = Path.Combine(RepoPaths.Deploy, "prometheus");

        // The tested file with only the intervals shortened; rules are the committed files.
        var yml = File.ReadAllText(Path.Combine(source, "prometheus.yml"))
            .Replace("scrape_interval: 15s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("evaluation_interval: 15s", "evaluation_interval: 1s", StringComparison.Ordinal)
            .Replace("refresh_interval: 30s", "refresh_interval: 1s", StringComparison.Ordinal);
        Assert.Contains("scrape_interval: 1s", yml, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), yml);
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        foreach (var rule in Directory.GetFiles(RepoPaths.Rules, "*.yml"))
        {
            File.Copy(rule, Path.Combine(dir, "rules", Path.GetFileName(rule)));
        }

        Directory.CreateDirectory(Path.Combine(dir, "targets"));
        var targets = new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray([.. replicas.Select(p => (JsonNode)JsonValue.Create($"127.0.0.1:{p}"))]),
            ["labels"] = new JsonObject { ["deployment"] = "test" },
        });
        File.WriteAllText(Path.Combine(dir, "targets", "driftwatch.json"), targets.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "targets", "alertmanager.json"), alertmanagerPort is { } am ? $"[{{\"targets\":[\"127.0.0.1:{am}\"]}}]" : "[]");
        return Path.Combine(dir, "prometheus.yml");
    }

    private async Task<JsonArray> QueryAsync(string prom, string expr, CancellationToken ct)
    {
        var body = JsonNode.Parse(await _http.GetStringAsync($"{prom}/api/v1/query?query={Uri.EscapeDataString(expr)}", ct))!;
        Assert.Equal("success", (string)body["status"]!);
        return body["data"]!["result"]!.AsArray();
    }

    private async Task<double> ScalarAsync(string prom, string expr, CancellationToken ct)
    {
        var result = await QueryAsync(prom, expr, ct);
        return result.Count == 0 ? double.NaN : double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct, TimeSpan? timeout = null)
    {
        var steps = (int)((timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds / 500);
        for (var i = 0; i < steps; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(500, ct);
        }

        Assert.Fail($"condition not met within {steps / 2} s");
    }
}
