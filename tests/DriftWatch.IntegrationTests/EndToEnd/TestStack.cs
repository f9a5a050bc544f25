using System.Globalization;
using System.Text.Json.Nodes;
using DriftWatch.IntegrationTests.Infrastructure;

namespace DriftWatch.IntegrationTests.EndToEnd;

/// <summary>
/// The end-to-end stack shared by the stack tests: <c>driftwatch serve</c> replicas, a real Alertmanager running
/// deploy/alertmanager/alertmanager.yml and a real Prometheus running deploy/prometheus/prometheus.yml and its rules
/// (only the intervals shortened and the file_sd targets pointed at the test's processes). Everything is killed and
/// its directory removed on dispose.
/// </summary>
internal sealed class TestStack : IDisposable
{
    private readonly List<ChildProcess> _processes = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("dw-stack-").FullName;

    /// <summary>Gets the client used for every request to the stack.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            p.Dispose();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a child may still hold a file for a moment
        }
    }

    /// <summary>Starts one replica of the built CLI on a free port (not yet waited for).</summary>
    /// <param name="environment">Extra environment variables (configuration such as <c>DriftWatch__Drift__EvaluationInterval</c>).</param>
    /// <returns>The port and the process (dispose it to kill the replica).</returns>
    public (int Port, ChildProcess Process) StartReplica(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = ChildProcess.FreePort();
        var dir = Directory.CreateDirectory(Path.Combine(_dir, $"replica-{port}")).FullName;
        var p = ChildProcess.Start("dotnet", [RepoPaths.CliDll, "serve", "--urls", $"http://127.0.0.1:{port}"], dir, $"http://127.0.0.1:{port}/readyz", environment);
        _processes.Add(p);
        return (port, p);
    }

    /// <summary>Starts Alertmanager with the tested routing file; only the receiver URL and the key file's path point into the test.</summary>
    /// <param name="sink">The webhook sink standing in for the DriftWatch service's webhook.</param>
    /// <returns>The Alertmanager port (not yet waited for).</returns>
    public int StartAlertmanager(WebhookSink sink)
    {
        var amPort = ChildProcess.FreePort();
        var amDir = Directory.CreateDirectory(Path.Combine(_dir, "alertmanager")).FullName;
        File.WriteAllText(Path.Combine(amDir, "webhook-key"), "test-alerts-key\n");
        var am = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "alertmanager", "alertmanager.yml"))
            .Replace("http://driftwatch:8080/v1/alerts", sink.Url, StringComparison.Ordinal)
            .Replace("/etc/alertmanager/webhook-key", Path.Combine(amDir, "webhook-key"), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(amDir, "alertmanager.yml"), am);
        _processes.Add(ChildProcess.Start("prometheus-alertmanager", [
            $"--config.file={Path.Combine(amDir, "alertmanager.yml")}", $"--storage.path={Path.Combine(amDir, "data")}",
            $"--web.listen-address=127.0.0.1:{amPort}", "--cluster.listen-address="], amDir, $"http://127.0.0.1:{amPort}/-/ready"));
        return amPort;
    }

    /// <summary>Starts Prometheus on the tested configuration and the committed rule files.</summary>
    /// <param name="replicas">The replica ports (the <c>driftwatch</c> file_sd targets).</param>
    /// <param name="alertmanagerPort">The Alertmanager port, or <see langword="null"/> for none.</param>
    /// <param name="rules">Rewrites a committed rule file's text (by file name) before it is loaded; identity when null.</param>
    /// <param name="extraRules">Extra rule files (name, text) loaded next to the committed ones.</param>
    /// <returns>The Prometheus base URL (not yet waited for).</returns>
    public string StartPrometheus(int[] replicas, int? alertmanagerPort = null, Func<string, string, string>? rules = null, IEnumerable<(string Name, string Text)>? extraRules = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "prometheus")).FullName;
        var source = Path.Combine(RepoPaths.Deploy, "prometheus");

        // The tested file with only the intervals shortened.
        var yml = File.ReadAllText(Path.Combine(source, "prometheus.yml"))
            .Replace("scrape_interval: 15s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("evaluation_interval: 15s", "evaluation_interval: 1s", StringComparison.Ordinal)
            .Replace("refresh_interval: 30s", "refresh_interval: 1s", StringComparison.Ordinal);
        Assert.Contains("scrape_interval: 1s", yml, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), yml);
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        foreach (var rule in Directory.GetFiles(RepoPaths.Rules, "*.yml"))
        {
            var name = Path.GetFileName(rule);
            File.WriteAllText(Path.Combine(dir, "rules", name), rules?.Invoke(name, File.ReadAllText(rule)) ?? File.ReadAllText(rule));
        }

        foreach (var (name, text) in extraRules ?? [])
        {
            File.WriteAllText(Path.Combine(dir, "rules", name), text);
        }

        Directory.CreateDirectory(Path.Combine(dir, "targets"));
        var targets = new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray([.. replicas.Select(p => (JsonNode)JsonValue.Create($"127.0.0.1:{p}"))]),
            ["labels"] = new JsonObject { ["deployment"] = "test" },
        });
        File.WriteAllText(Path.Combine(dir, "targets", "driftwatch.json"), targets.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "targets", "alertmanager.json"), alertmanagerPort is { } am ? $"[{{\"targets\":[\"127.0.0.1:{am}\"]}}]" : "[]");
        var prometheusPort = ChildProcess.FreePort();
        _processes.Add(ChildProcess.Start("prometheus", [$"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(_dir, "tsdb")}", $"--web.listen-address=127.0.0.1:{prometheusPort}"], _dir, $"http://127.0.0.1:{prometheusPort}/-/ready"));
        return $"http://127.0.0.1:{prometheusPort}";
    }

    /// <summary>
    /// Waits until every process started so far (and not killed by the test) answers its ready URL: a replica's
    /// <c>/readyz</c>, Prometheus's and Alertmanager's <c>/-/ready</c>. A process that exits fails the test at once
    /// with its last output. Two minutes in all: the run shares two cores with the other test projects.
    /// </summary>
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        var timeout = TimeSpan.FromMinutes(2);
        foreach (var p in _processes.Where(p => p.ReadyUrl is not null && !p.Disposed))
        {
            await p.WaitReadyAsync(Http, timeout, ct);
        }
    }

    /// <summary>Runs an instant query and returns its result vector.</summary>
    public async Task<JsonArray> QueryAsync(string prom, string expr, CancellationToken ct)
    {
        var body = JsonNode.Parse(await Http.GetStringAsync($"{prom}/api/v1/query?query={Uri.EscapeDataString(expr)}", ct))!;
        Assert.Equal("success", (string)body["status"]!);
        return body["data"]!["result"]!.AsArray();
    }

    /// <summary>Runs an instant query and returns the first sample's value, NaN when the result is empty.</summary>
    public async Task<double> ScalarAsync(string prom, string expr, CancellationToken ct)
    {
        var result = await QueryAsync(prom, expr, ct);
        return result.Count == 0 ? double.NaN : Value(result[0]!);
    }

    /// <summary>Parses the value of one sample of a query result.</summary>
    public static double Value(JsonNode sample) => double.Parse((string)sample["value"]![1]!, CultureInfo.InvariantCulture);

    /// <summary>Polls a condition every 500 ms until it holds; fails the test after the timeout (default 60 s).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct, TimeSpan? timeout = null)
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
