using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Models;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary><c>POST /v1/models/{model}/reload</c> on ML.NET model files the tests train and save (two seeds).</summary>
public sealed class ReloadEndpointTests : IDisposable
{
    private const string AdminKey = "reload-admin-key-0123456789";

    // Training is the slow part (~1 s per model): the second version is trained once for the class.
    private static readonly Lazy<SavedCreditRiskModel> Second = new(() => SavedCreditRiskModel.Train(seed: 6));

    private readonly ModelFileHost _host = new("driftwatch-reload-", "scorer");

    private static SavedCreditRiskModel First => SavedCreditRiskModel.Seed5;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Reload_ChangedFileSameDeclaredVersion_ServesNewModelWithFingerprintVersion()
    {
        var client = Start();
        var before = await ScoreAsync(client);
        Replace(Second.Value.Bytes);

        var reload = await ReloadAsync(client);
        var after = await ScoreAsync(client);

        Assert.Equal(HttpStatusCode.OK, reload.Status);
        Assert.True((bool)reload.Body["reloaded"]!);
        Assert.Equal("1", (string)reload.Body["previous_version"]!);
        Assert.Matches("^1\\+[0-9a-f]{16}$", (string)reload.Body["version"]!);
        Assert.Equal((string)reload.Body["version"]!, await VersionAsync(client));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Reload_BackToFirstFile_ScoresAsBefore()
    {
        var client = Start();
        var before = await ScoreAsync(client);
        Replace(Second.Value.Bytes);
        await ReloadAsync(client);
        Replace(First.Bytes);

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.OK, reload.Status);
        Assert.Equal(before, await ScoreAsync(client));
    }

    [Fact]
    public async Task Reload_UnchangedFiles_NothingReloaded()
    {
        var client = Start();

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.OK, reload.Status);
        Assert.False((bool)reload.Body["reloaded"]!);
        Assert.Equal("1", (string)reload.Body["version"]!);
    }

    [Fact]
    public async Task Reload_SchemaFileDeclaresNewVersion_ServesThatVersion()
    {
        var client = Start();
        Replace(Second.Value.Bytes, version: "2");

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.OK, reload.Status);
        Assert.Equal("2", (string)reload.Body["version"]!);
        Assert.Equal("2", await VersionAsync(client));
    }

    [Fact]
    public async Task Reload_FeatureRemoved_409AndOldModelKept()
    {
        var client = Start();
        var before = await ScoreAsync(client);
        var schema = First.Schema;
        Replace(Second.Value.Bytes, features: new ModelSchema(schema.Features.Where(f => f.Name != "device_type")));

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, reload.Status);
        Assert.Equal("schema", (string)reload.Body["field"]!);
        Assert.Contains("feature(s) removed: device_type", (string)reload.Body["detail"]!, StringComparison.Ordinal);
        Assert.Equal("1", await VersionAsync(client));
        Assert.Equal(before, await ScoreAsync(client));
    }

    [Fact]
    public async Task Reload_TaskChanged_409NamingIt()
    {
        var client = Start();
        Replace(Second.Value.Bytes, task: ModelTask.Regression);

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, reload.Status);
        Assert.Contains("the task changed from binary_classification to regression", (string)reload.Body["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_FileNotAModel_409NamingFileAndOldModelKept()
    {
        var client = Start();
        var before = await ScoreAsync(client);
        File.WriteAllBytes(_host.ModelPath, [0x50, 0x4b, 1, 2, 3]);

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, reload.Status);
        Assert.Equal("path", (string)reload.Body["field"]!);
        Assert.Contains(_host.ModelPath, (string)reload.Body["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await ScoreAsync(client));
    }

    [Fact]
    public async Task Reload_FileDeleted_409NamingFile()
    {
        var client = Start();
        File.Delete(_host.ModelPath);

        var reload = await ReloadAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, reload.Status);
        Assert.Contains($"'{_host.ModelPath}' does not exist", (string)reload.Body["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_BuiltInModel_409Explaining()
    {
        var factory = _host.Track(new DriftWatchFactory { Configure = o => o.Security.AdminKeys.Add(AdminKey) });
        var client = factory.CreateClient();
        DriftWatchFactory.Authorize(client, AdminKey);

        var response = await client.PostAsync("/v1/models/credit-risk/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("built-in model", (string)(await DriftWatchFactory.ReadProblemAsync(response))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_UnknownModel_404()
    {
        var client = Start();

        var response = await client.PostAsync("/v1/models/nope/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-0123456789")]
    [InlineData("Bearer " + AdminKey + "x")]
    public async Task Reload_WithoutTheAdminKey_401(string? authorization)
    {
        var client = Start();
        client.DefaultRequestHeaders.Authorization = null;
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Authorization", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Reload_NoAdminKeyConfigured_403()
    {
        var client = Start(adminKey: false);

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reload_WhilePredicting_NoRequestFails()
    {
        var client = Start();
        var ct = TestContext.Current.CancellationToken;
        using var done = new CancellationTokenSource();
        var failures = new List<string>();
        var served = 0;
        async Task PredictLoopAsync()
        {
            while (!done.IsCancellationRequested)
            {
                var response = await client.PostAsync($"/v1/models/{_host.Name}/predict", DriftWatchFactory.Json($"{{\"instances\":[{DriftWatchFactory.Instance()},{DriftWatchFactory.Instance(age: 63)}]}}"), ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var failure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
                    lock (failures)
                    {
                        failures.Add(failure);
                    }
                }

                Interlocked.Increment(ref served);
            }
        }

        var loops = Enumerable.Range(0, 4).Select(_ => Task.Run(PredictLoopAsync, ct)).ToArray();
        var versions = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            // Each swap happens while requests are running: wait for a few more answers first.
            var target = Volatile.Read(ref served) + 8;
            while (Volatile.Read(ref served) < target)
            {
                await Task.Delay(1, ct);
            }

            Replace(i % 2 == 0 ? Second.Value.Bytes : First.Bytes);
            var reload = await ReloadAsync(client);
            Assert.Equal(HttpStatusCode.OK, reload.Status);
            versions.Add((string)reload.Body["version"]!);
        }

        await done.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Empty(failures);
        Assert.True(served >= 48);
        Assert.False((bool)(await ReloadAsync(client)).Body["reloaded"]!);
        Assert.Equal(2, versions.Distinct().Count());
    }

    [Fact]
    public async Task Feedback_ForPredictionOfPreviousVersion_StoredButNotInNewQualityWindow()
    {
        var client = Start();
        var ct = TestContext.Current.CancellationToken;
        var predicted = JsonNode.Parse(await (await client.PostAsync($"/v1/models/{_host.Name}/predict", DriftWatchFactory.Json($"{{\"instances\":[{DriftWatchFactory.Instance()}]}}"), ct)).Content.ReadAsStringAsync(ct))!;
        var id = (string)predicted["predictions"]![0]!["id"]!;
        Replace(Second.Value.Bytes);
        var version = (string)(await ReloadAsync(client)).Body["version"]!;

        var feedback = await client.PostAsync($"/v1/models/{_host.Name}/feedback", DriftWatchFactory.Json($"{{\"feedback\":[{{\"id\":\"{id}\",\"actual\":1}}]}}"), ct);
        var metrics = await client.GetStringAsync("/metrics", ct);

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal("stored", (string)JsonNode.Parse(await feedback.Content.ReadAsStringAsync(ct))!["feedback"]![0]!["status"]!);
        var labelled = metrics.Split('\n').Where(l => l.StartsWith("driftwatch_labelled_predictions_total{", StringComparison.Ordinal) && l.Contains($"model=\"{_host.Name}\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, labelled.Length);
        Assert.All(labelled, l => Assert.Contains($"model_version=\"{version}\"", l, StringComparison.Ordinal));
        Assert.All(labelled, l => Assert.EndsWith(" 0", l, StringComparison.Ordinal));
        Assert.Contains($"driftwatch_feedback_total{{model=\"{_host.Name}\",model_version=\"{version}\",status=\"stored\"}} 1", metrics, StringComparison.Ordinal);
    }

    private HttpClient Start(bool adminKey = true)
    {
        Replace(First.Bytes);
        var factory = _host.Factory(o => o.Models.Add(new ModelOptions { Name = _host.Name, Path = _host.ModelPath }), adminKey ? AdminKey : null);
        return ModelFileHost.Client(factory, AdminKey);
    }

    /// <summary>Writes a model file and its schema file beside it, each by an atomic rename (as a deployment should).</summary>
    private void Replace(byte[] model, string version = "1", ModelSchema? features = null, ModelTask task = ModelTask.BinaryClassification)
    {
        var schema = ModelSchemaFile.PathFor(_host.ModelPath);
        new ModelSchemaFile(string.Empty, version, task, features ?? First.Schema, null, null).Write(schema + ".tmp");
        File.WriteAllBytes(_host.ModelPath + ".tmp", model);
        File.Move(schema + ".tmp", schema, overwrite: true);
        File.Move(_host.ModelPath + ".tmp", _host.ModelPath, overwrite: true);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReloadAsync(HttpClient client)
    {
        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        return (response.StatusCode, body);
    }

    private async Task<double> ScoreAsync(HttpClient client)
    {
        var response = await client.PostAsync($"/v1/models/{_host.Name}/predict", DriftWatchFactory.Json($"{{\"instances\":[{DriftWatchFactory.Instance(age: 29, income: "31000")}]}}"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (double)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["predictions"]![0]!["score"]!;
    }

    private async Task<string> VersionAsync(HttpClient client) =>
        (string)JsonNode.Parse(await client.GetStringAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken))!["version"]!;
}
