using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.Serving.Tests.Storage;

namespace DriftWatch.Cli.Tests.Serve;

/// <summary>Two <c>driftwatch serve</c> processes on one real PostgreSQL database: feedback for a prediction made by one
/// replica is acknowledged by the other.</summary>
public sealed class ServeReplicaTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-replicas-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Feedback_ToOtherReplica_AcknowledgedStoredAndCounted()
    {
        if (server.ConnectionString is null)
        {
            Assert.Skip(server.SkipReason!);
        }

        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync("replicas");
        var environment = new Dictionary<string, string>
        {
            ["DriftWatch__Store__Provider"] = "postgres",
            ["DriftWatch__Store__ConnectionString"] = database,
        };

        // Both start at once, as replicas of a deployment do (they create the schema concurrently).
        using var a = ServeProcess.Start(_dir.CreateSubdirectory("a").FullName, environment);
        using var b = ServeProcess.Start(_dir.CreateSubdirectory("b").FullName, environment);
        await Task.WhenAll(a.WaitReadyAsync(ct), b.WaitReadyAsync(ct));

        var instances = string.Join(",", Enumerable.Range(0, 10).Select(i => Instance(25 + (4 * i))));
        var predicted = JsonNode.Parse(await PostAsync(a.Http, "/v1/models/credit-risk/predict", $$"""{"instances":[{{instances}}]}""", ct))!;
        var ids = predicted["predictions"]!.AsArray().Select(p => (string)p!["id"]!).ToArray();
        var feedback = $$"""{"feedback":[{{string.Join(",", ids.Select((id, i) => $$"""{"id":"{{id}}","actual":{{i % 2}}}"""))}}]}""";

        // Sent at once, before A's writer has necessarily committed the predictions.
        var atB = await b.Http.PostAsync("/v1/models/credit-risk/feedback", Json(feedback), ct);
        var bodyAtB = await atB.Content.ReadAsStringAsync(ct);
        var againAtA = JsonNode.Parse(await PostAsync(a.Http, "/v1/models/credit-risk/feedback", feedback, ct))!;
        var metricsB = await b.Http.GetStringAsync("/metrics", ct);
        var metricsA = await a.Http.GetStringAsync("/metrics", ct);

        Assert.True(atB.StatusCode == HttpStatusCode.OK, $"{(int)atB.StatusCode} {bodyAtB}");
        Assert.All(JsonNode.Parse(bodyAtB)!["feedback"]!.AsArray(), s => Assert.Equal("stored", (string)s!["status"]!));
        Assert.All(againAtA["feedback"]!.AsArray(), s => Assert.Equal("duplicate", (string)s!["status"]!));
        Assert.Equal(ids.Select((_, i) => (double)(i % 2)), await StoredLabelsAsync(database, ids, ct));
        Assert.Equal(10, Sample(metricsB, "driftwatch_feedback_total{", "status=\"stored\""));
        Assert.Equal(10, Sample(metricsB, "driftwatch_labelled_predictions_total{", "outcome=\"correct\"") + Sample(metricsB, "driftwatch_labelled_predictions_total{", "outcome=\"incorrect\""));
        Assert.Equal(0, Sample(metricsA, "driftwatch_feedback_total{", "status=\"stored\""));
        Assert.Equal(10, Sample(metricsA, "driftwatch_feedback_total{", "status=\"duplicate\""));
    }

    private static string Instance(int age) =>
        $$"""{"age":{{age}},"income":52000,"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":"salaried","device_type":"mobile"}""";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> PostAsync(HttpClient http, string path, string json, CancellationToken ct)
    {
        var response = await http.PostAsync(path, Json(json), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The value of the one sample of a metric family whose line contains <paramref name="label"/>, or 0 when absent.</summary>
    private static double Sample(string exposition, string prefix, string label)
    {
        var lines = exposition.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length <= 1, string.Join("\n", lines));
        return lines.Length == 0 ? 0 : double.Parse(lines[0][(lines[0].LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double[]> StoredLabelsAsync(string connectionString, string[] ids, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT prediction_id, actual FROM driftwatch_labels WHERE prediction_id = ANY(@ids)";
        command.Parameters.AddWithValue("ids", ids);
        var found = new Dictionary<string, double>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = reader.GetDouble(1);
        }

        return [.. ids.Select(id => found.TryGetValue(id, out var v) ? v : double.NaN)];
    }
}
