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
    private readonly TestStack _stack = new();

    public void Dispose() => _stack.Dispose();

    [Fact]
    public async Task Stack_ThreeReplicas_PanelsParseSloRulesAndFleetCountsHaveData()
    {
        var ct = TestContext.Current.CancellationToken;
        var replicas = Enumerable.Range(0, 3).Select(_ => _stack.StartReplica().Port).ToArray();
        var prom = _stack.StartPrometheus(replicas);
        await _stack.WaitReadyAsync(ct);

        // Traffic in two rounds (each replica scraped in between, so increase() sees the counters grow): 30 rows per
        // replica per round in batches of 10, seeded.
        var random = new Random(7);
        var sent = 0;
        await TestStack.EventuallyAsync(async () => await _stack.ScalarAsync(prom, "sum(up{job=\"driftwatch\"})", ct) == 3, ct);
        for (var round = 0; round < 2; round++)
        {
            foreach (var port in replicas)
            {
                for (var batch = 0; batch < 3; batch++)
                {
                    var rows = Enumerable.Range(0, 10).Select(_ => Row(random));
                    using var response = await _stack.Http.PostAsync(
                        $"http://127.0.0.1:{port}/v1/models/credit-risk/predict",
                        new StringContent($"{{\"instances\":[{string.Join(',', rows)}]}}", Encoding.UTF8, "application/json"),
                        ct);
                    Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
                    sent += 10;
                }
            }

            // The summed prediction counters equal what was sent (every replica scraped after the round).
            var expected = sent;
            await TestStack.EventuallyAsync(async () => await _stack.ScalarAsync(prom, "sum(driftwatch_predictions_total{model=\"credit-risk\"})", ct) == expected, ct);
        }

        // SLO recording rules return data against the live replicas.
        await TestStack.EventuallyAsync(async () => !double.IsNaN(await _stack.ScalarAsync(prom, "slo:sli_error:ratio_rate5m{sloth_slo=\"availability\"}", ct)), ct);
        var availability = await _stack.QueryAsync(prom, "slo:sli_error:ratio_rate5m{sloth_slo=\"availability\"}", ct);
        Assert.Equal(0.0, double.Parse((string)availability[0]!["value"]![1]!, CultureInfo.InvariantCulture));
        await TestStack.EventuallyAsync(async () => await _stack.ScalarAsync(prom, "slo:period_error_budget_remaining:ratio{sloth_slo=\"availability\"}", ct) == 1, ct);

        // Every Grafana panel query parses against the live Prometheus (variables substituted).
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Dashboards, "*.json"))
        {
            foreach (var panel in DashboardTests.Panels(DashboardTests.Load(file)).Where(p => p.TryGetProperty("targets", out _)))
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    var expr = Substitute(target.GetProperty("expr").GetString()!);
                    using var r = await _stack.Http.GetAsync($"{prom}/api/v1/query?query={Uri.EscapeDataString(expr)}", ct);
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
        var started = Enumerable.Range(0, 2).Select(_ => _stack.StartReplica()).ToArray();
        var replicas = started.Select(r => r.Port).ToArray();
        var replicaProcesses = started.Select(r => r.Process).ToArray();

        var amPort = _stack.StartAlertmanager(sink);
        var prom = _stack.StartPrometheus(replicas, amPort);
        await _stack.WaitReadyAsync(ct);
        await TestStack.EventuallyAsync(async () => await _stack.ScalarAsync(prom, "sum(up{job=\"driftwatch\"})", ct) == 2, ct);
        Assert.Empty(sink.Received);

        replicaProcesses[0].Dispose();

        // up == 0 for 1m ("for"), then the critical route's 10 s group wait: well within 2 minutes.
        await TestStack.EventuallyAsync(() => Task.FromResult(sink.Received.Any(r => r.Body.Contains("\"DriftWatchTargetDown\"", StringComparison.Ordinal))), ct, TimeSpan.FromSeconds(150));
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
}
