using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DriftWatch.IntegrationTests.Infrastructure;
using DriftWatch.Serving.Generation;

namespace DriftWatch.IntegrationTests.EndToEnd;

/// <summary>
/// Drift end to end: three replicas of <c>driftwatch serve</c> (evaluating every second) fed by the credit-risk
/// generator, scraped by the tested Prometheus configuration and rules, alerting through the tested Alertmanager
/// routing to a webhook sink; and the fleet KS, PSI and Jensen-Shannon rules checked against values computed here
/// from the union of the rows the replicas saw.
/// </summary>
public sealed class DriftAlertTests : IDisposable
{
    private const string Model = "credit-risk";

    // Every replica evaluates its window every second once it holds all the rows sent to it.
    private const int RowsPerReplica = 400;

    private static readonly Dictionary<string, string> ReplicaEnvironment = new(StringComparer.Ordinal)
    {
        ["DriftWatch__Drift__EvaluationInterval"] = "00:00:01",
        ["DriftWatch__Drift__MinimumRows"] = RowsPerReplica.ToString(CultureInfo.InvariantCulture),
    };

    private readonly TestStack _stack = new();

    public void Dispose() => _stack.Dispose();

    [Fact]
    public async Task DatasetDrift_CovariateShiftTraffic_AlertFiresAndReachesWebhook()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sink = new WebhookSink(ChildProcess.FreePort());
        var (replicas, prom) = await StartAsync(sink, ct);

        await SendAsync(replicas, [DriftScenario.CovariateShift, DriftScenario.CovariateShift, DriftScenario.CovariateShift], ct);

        // Firing in Prometheus on every replica (after the shortened "for"), then delivered by the warning route
        // (30 s group wait) to the ticket receiver.
        await TestStack.EventuallyAsync(async () => (await _stack.QueryAsync(prom, "ALERTS{alertname=\"DriftWatchDatasetDrift\",alertstate=\"firing\"}", ct)).Count == 3, ct);
        await TestStack.EventuallyAsync(() => Task.FromResult(sink.Received.Any(r => r.Body.Contains("\"DriftWatchDatasetDrift\"", StringComparison.Ordinal))), ct, TimeSpan.FromSeconds(90));
        var (authorization, body) = sink.Received.First(r => r.Body.Contains("\"DriftWatchDatasetDrift\"", StringComparison.Ordinal));
        var payload = JsonNode.Parse(body)!;
        Assert.Equal("Bearer test-alerts-key", authorization);
        Assert.Equal("driftwatch-ticket", (string)payload["receiver"]!);
        Assert.Equal("firing", (string)payload["status"]!);
        var alerts = payload["alerts"]!.AsArray();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a =>
        {
            Assert.Equal("DriftWatchDatasetDrift", (string)a!["labels"]!["alertname"]!);
            Assert.Equal(Model, (string)a["labels"]!["model"]!);
            Assert.Equal("warning", (string)a["labels"]!["severity"]!);
            Assert.Contains((string)a["labels"]!["instance"]!, replicas.Select(p => $"127.0.0.1:{p}"));
        });
    }

    [Fact]
    public async Task DatasetDrift_NoDriftTraffic_NoDriftAlertFires()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sink = new WebhookSink(ChildProcess.FreePort());
        var (replicas, prom) = await StartAsync(sink, ct);

        await SendAsync(replicas, [DriftScenario.None, DriftScenario.None, DriftScenario.None], ct);

        // Every replica has evaluated its full window (the drift share is exported only after an evaluation) and
        // reports no dataset drift.
        await TestStack.EventuallyAsync(async () => (await _stack.QueryAsync(prom, "driftwatch_dataset_drift_detected{model=\"credit-risk\"} == 0", ct)).Count == 3, ct);

        // Longer than the shortened "for" plus the warning route's 30 s group wait: a drift alert would have fired in
        // Prometheus and reached the sink by now.
        await Task.Delay(TimeSpan.FromSeconds(40), ct);
        Assert.Equal(3, (await _stack.QueryAsync(prom, "driftwatch_dataset_drift_detected{model=\"credit-risk\"} == 0", ct)).Count);

        // The drift alerts (dataset and prediction drift) stay silent. The per-feature DriftWatchFeatureDrift note
        // (severity info) is not asserted: each feature's test runs at a 5% false-positive rate, so with 8 features on
        // 3 replicas about one note is expected on stable traffic; the dataset verdict (half the features) absorbs it.
        var alerts = await _stack.QueryAsync(prom, "ALERTS{alertname=~\"DriftWatch(Dataset|Prediction)Drift\"}", ct);
        Assert.True(alerts.Count == 0, alerts.ToJsonString());
        Assert.DoesNotContain(sink.Received, r => r.Body.Contains("\"DriftWatchDatasetDrift\"", StringComparison.Ordinal) || r.Body.Contains("\"DriftWatchPredictionDrift\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FleetRules_CumulativeCounters_EqualOfflineKsPsiJensenShannonOfUnion()
    {
        var ct = TestContext.Current.CancellationToken;
        var (replicas, prom) = await StartAsync(null, ct);

        // Different traffic per replica, so the fleet value is not any single replica's.
        var sent = await SendAsync(replicas, [DriftScenario.None, DriftScenario.CovariateShift, DriftScenario.None], ct);
        var total = sent.Count;

        // Every row scraped and every feature's rule chain evaluated on the complete counters.
        var features = CreditRiskSchema.NumericFeatures;
        await TestStack.EventuallyAsync(async () => (await _stack.QueryAsync(prom, $"test:feature_fleet_observations:total{{model=\"credit-risk\"}} == {total}", ct)).Count == features.Count, ct);
        await TestStack.EventuallyAsync(async () => (await _stack.QueryAsync(prom, "test:feature_fleet_jensenshannon:total{model=\"credit-risk\"}", ct)).Count == features.Count, ct);

        var ks = await ByFeatureAsync(prom, "test:feature_fleet_ks:total", ct);
        var psi = await ByFeatureAsync(prom, "test:feature_fleet_psi:total", ct);
        var js = await ByFeatureAsync(prom, "test:feature_fleet_jensenshannon:total", ct);
        var references = await _stack.QueryAsync(prom, "max by (feature, le) (driftwatch_feature_reference_ratio{model=\"credit-risk\"})", ct);
        foreach (var feature in features)
        {
            var reference = references.Where(s => (string)s!["metric"]!["feature"]! == feature)
                .Select(s => (Edge: Le((string)s!["metric"]!["le"]!), Cdf: TestStack.Value(s!)))
                .OrderBy(e => e.Edge).ToArray();
            Assert.True(reference.Length >= 2, feature);
            var expected = Offline(sent.Select(r => r.GetNumber(feature)).ToArray(), reference);
            Assert.Equal(expected.Ks, ks[feature], 1e-9);
            Assert.Equal(expected.Psi, psi[feature], 1e-9);
            Assert.Equal(expected.JensenShannon, js[feature], 1e-9);
        }

        // The union carries the shifted replica's drift: the comparison is not between two zeros.
        Assert.True(ks[CreditRiskSchema.Age] > 0.05, $"fleet KS on age {ks[CreditRiskSchema.Age]}");
        Assert.True(psi[CreditRiskSchema.Age] > 0.05, $"fleet PSI on age {psi[CreditRiskSchema.Age]}");
    }

    /// <summary>
    /// The fleet rules of deploy/prometheus/rules/fleet-drift.yml evaluated over the raw cumulative counters instead of
    /// <c>increase(...[1h])</c> (whose extrapolation makes exact equality impossible): every observation since the
    /// replicas started, i.e. exactly the union of the rows sent. Generated from the committed file by text
    /// substitution (record names prefixed <c>test:</c> and suffixed <c>:total</c> so they do not collide with the
    /// production records loaded next to them).
    /// </summary>
    internal static string CumulativeFleetRules()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Rules, "fleet-drift.yml"));
        const string increase = "increase(driftwatch_feature_observations_total[1h])";
        Assert.Contains(increase, text, StringComparison.Ordinal);
        return text
            .Replace(increase, "driftwatch_feature_observations_total", StringComparison.Ordinal)
            .Replace("name: driftwatch-fleet-drift", "name: test-fleet-drift-cumulative", StringComparison.Ordinal)
            .Replace("driftwatch:feature_observations:increase1h", "driftwatch:feature_observations:total", StringComparison.Ordinal)
            .Replace("driftwatch:", "test:", StringComparison.Ordinal)
            .Replace(":1h", ":total", StringComparison.Ordinal);
    }

    /// <summary>
    /// The fleet statistics as the generated rules define them, computed from the raw values: current CDF = count(x ≤ edge)/n
    /// at the reference edges; KS = max |ΔCDF| over the edges (+Inf included); bin shares are CDF differences; PSI =
    /// Σ (c − r) ln(c/r) with a zero share replaced by 1e-4 and no renormalisation (as the rules do); Jensen-Shannon is
    /// the distance with natural logarithms, √(½ Σ [c ln(c/m) + r ln(r/m)]), m = (c + r)/2, zero shares contributing 0.
    /// </summary>
    private static (double Ks, double Psi, double JensenShannon) Offline(double[] values, (double Edge, double Cdf)[] reference)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        var n = (double)finite.Length;
        var current = reference.Select(e => finite.Count(v => v <= e.Edge) / n).ToArray();
        double ks = 0, psi = 0, js = 0;
        for (var b = 0; b < reference.Length; b++)
        {
            ks = Math.Max(ks, Math.Abs(current[b] - reference[b].Cdf));
            var c = b == 0 ? current[b] : current[b] - current[b - 1];
            var r = b == 0 ? reference[b].Cdf : reference[b].Cdf - reference[b - 1].Cdf;
            var ce = c > 0 ? c : 1e-4;
            var re = r > 0 ? r : 1e-4;
            psi += (ce - re) * Math.Log(ce / re);
            var m = (c + r) / 2;
            js += (c > 0 ? c * Math.Log(c / m) : 0) + (r > 0 ? r * Math.Log(r / m) : 0);
        }

        return (ks, psi, Math.Sqrt(js / 2));
    }

    private static double Le(string le) => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, double>> ByFeatureAsync(string prom, string record, CancellationToken ct) =>
        (await _stack.QueryAsync(prom, $"{record}{{model=\"credit-risk\"}}", ct))
            .ToDictionary(s => (string)s!["metric"]!["feature"]!, s => TestStack.Value(s!), StringComparer.Ordinal);

    private async Task<(int[] Replicas, string Prometheus)> StartAsync(WebhookSink? sink, CancellationToken ct)
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => _stack.StartReplica(ReplicaEnvironment).Port).ToArray();
        var amPort = sink is null ? (int?)null : _stack.StartAlertmanager(sink);

        // The committed rules, except that data.yml's "for: 1m" becomes "for: 5s" (text substitution on the real file)
        // so an alert can fire within the test; plus the cumulative variant of the fleet rules.
        var prom = _stack.StartPrometheus(
            replicas,
            amPort,
            (name, text) => name == "data.yml" ? ShortenFor(text) : text,
            [("test-fleet-drift-cumulative.yml", CumulativeFleetRules())]);
        await _stack.WaitReadyAsync(ct);

        await TestStack.EventuallyAsync(async () => await _stack.ScalarAsync(prom, "sum(up{job=\"driftwatch\"})", ct) == 3, ct);
        return (replicas, prom);
    }

    private static string ShortenFor(string text)
    {
        Assert.Contains("for: 1m", text, StringComparison.Ordinal);
        return text.Replace("for: 1m", "for: 5s", StringComparison.Ordinal);
    }

    /// <summary>Sends <see cref="RowsPerReplica"/> generated rows (seed 100 + replica index) to each replica in batches of 100.</summary>
    /// <returns>Every row sent, over all replicas: the union the fleet saw.</returns>
    private async Task<List<CreditRiskRow>> SendAsync(int[] replicas, DriftScenario[] scenarios, CancellationToken ct)
    {
        var sent = new List<CreditRiskRow>();
        for (var i = 0; i < replicas.Length; i++)
        {
            var rows = new CreditRiskGenerator(100 + i).Generate(RowsPerReplica, scenarios[i]);
            foreach (var batch in rows.Chunk(100))
            {
                var json = JsonSerializer.Serialize(new { instances = batch.Select(r => r.ToFeatures()) });
                using var response = await _stack.Http.PostAsync(
                    $"http://127.0.0.1:{replicas[i]}/v1/models/{Model}/predict",
                    new StringContent(json, Encoding.UTF8, "application/json"),
                    ct);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
            }

            sent.AddRange(rows);
        }

        return sent;
    }
}
