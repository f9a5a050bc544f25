using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DriftWatch.Cli.Tests.Serve;

/// <summary>Runs the built <c>driftwatch serve</c> as a child process, kills it with SIGKILL, and restarts it.</summary>
public sealed class ServeCrashTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-crash-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Serve_KilledAfterFeedbackAcknowledged_EveryLabelPresentAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var acknowledged = new List<(string Id, int Actual)>();
        int port;
        using (var first = ServeProcess.Start(_dir.FullName, new Dictionary<string, string>()))
        {
            port = first.Port;
            await first.WaitReadyAsync(ct);
            for (var batch = 0; batch < 5; batch++)
            {
                var instances = string.Join(",", Enumerable.Range(0, 10).Select(i => Instance(20 + (batch * 10) + i)));
                var predicted = JsonNode.Parse(await PostAsync(first.Http, "/v1/models/credit-risk/predict", $$"""{"instances":[{{instances}}]}""", ct))!;
                var ids = predicted["predictions"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
                var labels = ids.Select((id, i) => (id, (i + batch) % 2)).ToList();
                var body = string.Join(",", labels.Select(l => $$"""{"id":"{{l.id}}","actual":{{l.Item2}}}"""));
                await PostAsync(first.Http, "/v1/models/credit-risk/feedback", $$"""{"feedback":[{{body}}]}""", ct);
                acknowledged.AddRange(labels);
            }

            await first.KillAsync(ct);
        }

        using var second = ServeProcess.Start(_dir.FullName, new Dictionary<string, string>(), port);
        await second.WaitReadyAsync(ct);
        var repeat = string.Join(",", acknowledged.Select(l => $$"""{"id":"{{l.Id}}","actual":{{l.Actual}}}"""));
        var statuses = JsonNode.Parse(await PostAsync(second.Http, "/v1/models/credit-risk/feedback", $$"""{"feedback":[{{repeat}}]}""", ct))!["feedback"]!
            .AsArray().Select(s => (string)s!["status"]!).ToList();
        var flipped = await second.Http.PostAsync(
            "/v1/models/credit-risk/feedback",
            new StringContent($$"""{"feedback":[{"id":"{{acknowledged[0].Id}}","actual":{{1 - acknowledged[0].Actual}}}]}""", Encoding.UTF8, "application/json"),
            ct);

        Assert.Equal(50, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("duplicate", s));
        Assert.Equal(HttpStatusCode.Conflict, flipped.StatusCode);
    }

    private static string Instance(int age) =>
        $$"""{"age":{{age}},"income":52000,"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":"salaried","device_type":"mobile"}""";

    private static async Task<string> PostAsync(HttpClient http, string path, string json, CancellationToken ct)
    {
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
