using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary>Feedback on a shared store for a prediction another replica has answered but not yet committed.</summary>
public sealed class SharedStoreFeedbackTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-lag-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Theory]
    [InlineData(3, HttpStatusCode.OK)]
    [InlineData(100, HttpStatusCode.NotFound)]
    public async Task Feedback_PredictionCommittedLate_LookedUpAgainBefore404(int hiddenLookups, HttpStatusCode expected)
    {
        LaggingSharedStore? store = null;
        using var factory = new DriftWatchFactory
        {
            ExtraServices = services => services.AddSingleton<IPredictionStore>(sp =>
                store = new LaggingSharedStore(SqlPredictionStore.CreateSqlite(Path.Combine(_dir.FullName, "lagging.db")), hiddenLookups)),
        };
        var client = factory.CreateClient();
        var id = (await factory.PredictIdsAsync(client, DriftWatchFactory.Instance()))[0];

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{id}}","actual":1}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("stored", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["feedback"]![0]!["status"]!);
            Assert.Equal(hiddenLookups + 1, store!.Lookups);
        }
        else
        {
            // Two lookups around the local flush, then one after each of the shared-store delays.
            Assert.Equal(2 + FeedbackEndpoint.SharedStoreRetryDelays.Length, store!.Lookups);
        }
    }
}
