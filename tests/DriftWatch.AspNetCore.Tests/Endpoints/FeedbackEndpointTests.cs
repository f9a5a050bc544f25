using System.Net;
using System.Text.Json.Nodes;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

public sealed class FeedbackEndpointTests : IClassFixture<DriftWatchFactory>
{
    private readonly DriftWatchFactory _factory;

    public FeedbackEndpointTests(DriftWatchFactory factory) => _factory = factory;

    [Fact]
    public async Task Feedback_RightAfterPredict_StoredEvenIfWriterHadNotFlushed()
    {
        var client = _factory.CreateClient();
        var ids = await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance(), DriftWatchFactory.Instance(60));

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{ids[0]}}","actual":1},{"id":"{{ids[1]}}","actual":false}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""{"feedback":[{"id":"{{ids[0]}}","status":"stored"},{"id":"{{ids[1]}}","status":"stored"}]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feedback_SameLabelTwice_SecondIsDuplicate()
    {
        var client = _factory.CreateClient();
        var id = (await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance()))[0];
        var body = $$"""{"feedback":[{"id":"{{id}}","actual":0}]}""";
        await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json(body));

        var again = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (string)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["feedback"]![0]!["status"]!);
    }

    [Fact]
    public async Task Feedback_DifferentLabelLater_409AndFirstStands()
    {
        var client = _factory.CreateClient();
        var id = (await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance()))[0];
        await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{id}}","actual":0}]}"""));

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{id}}","actual":1}]}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await DriftWatchFactory.ReadProblemAsync(response);
        Assert.Equal("feedback[0].actual", (string)problem["field"]!);
        Assert.Equal("feedback[0].actual: a different label (0) is already stored for this id and stands; nothing was stored.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Feedback_UnknownId_404AndNothingStored()
    {
        var client = _factory.CreateClient();
        var id = (await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance()))[0];

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{id}}","actual":1},{"id":"no-such-id","actual":1}]}"""));
        var retry = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{id}}","actual":0}]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("feedback[1].id", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
        Assert.Equal("stored", (string)JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["feedback"]![0]!["status"]!);
    }

    [Theory]
    [InlineData("""{"feedback":[{"id":"x","actual":2}]}""", "feedback[0].actual")]
    [InlineData("""{"feedback":[{"id":"x","actual":"1"}]}""", "feedback[0].actual")]
    [InlineData("""{"feedback":[{"id":"x"}]}""", "feedback[0].actual")]
    [InlineData("""{"feedback":[{"actual":1}]}""", "feedback[0].id")]
    [InlineData("""{"feedback":[{"id":7,"actual":1}]}""", "feedback[0].id")]
    [InlineData("""{"feedback":[{"id":"x","actual":1,"why":"because"}]}""", "feedback[0].why")]
    [InlineData("""{"feedback":[]}""", "feedback")]
    [InlineData("""{"labels":[]}""", "labels")]
    [InlineData("""{"feedback":[{"id":"x","actual":1}""", "body")]
    public async Task Feedback_BadBody_400NamingField(string body, string field)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Feedback_UnknownModel_404()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/nope/feedback", DriftWatchFactory.Json("""{"feedback":[{"id":"x","actual":1}]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
