using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

public sealed class PredictEndpointTests : IClassFixture<DriftWatchFactory>
{
    private readonly DriftWatchFactory _factory;

    public PredictEndpointTests(DriftWatchFactory factory) => _factory = factory;

    [Fact]
    public async Task Predict_OneInstance_OnePredictionWithIdLabelScore()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var predictions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]!.AsArray();
        var p = Assert.Single(predictions)!;
        Assert.Matches("^[0-9a-f]{32}$", (string)p["id"]!);
        Assert.Contains((int)p["label"]!, new[] { 0, 1 });
        Assert.InRange((double)p["score"]!, 0, 1);
    }

    [Fact]
    public async Task Predict_Batch_OnePredictionPerInstanceWithDistinctIds()
    {
        var client = _factory.CreateClient();

        var ids = await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance(25), DriftWatchFactory.Instance(55), DriftWatchFactory.Instance(70));

        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Predict_MissingValuesAndUnseenCategory_ServedNotRejected()
    {
        var client = _factory.CreateClient();

        var ids = await _factory.PredictIdsAsync(client, DriftWatchFactory.Instance(income: "null", employment: "\"astronaut\"", device: "\"\""));

        Assert.Single(ids);
    }

    [Fact]
    public async Task Predict_FeaturesInAnyOrderAndEscaped_SameAnswerAsSchemaOrder()
    {
        var client = _factory.CreateClient();
        const string Shuffled = """{"device_type":"mobil\u0065","loan_amount":15000,"employment_type":"salaried","age":41,"num_open_accounts":4,"income":52000,"credit_history_months":120,"debt_to_income":0.3}""";

        var a = JsonNode.Parse(await (await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{Shuffled}}]}"""))).Content.ReadAsStringAsync())!;
        var b = JsonNode.Parse(await (await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""))).Content.ReadAsStringAsync())!;

        Assert.Equal((double)a["predictions"]![0]!["score"]!, (double)b["predictions"]![0]!["score"]!);
    }

    public static TheoryData<string, int, string> BadBodies => new()
    {
        { "{\"instances\":[", 400, "body" },
        { "", 400, "body" },
        { "[]", 400, "body" },
        { "{\"instance\":[]}", 400, "instance" },
        { "{}", 400, "instances" },
        { "{\"instances\":[]}", 400, "instances" },
        { "{\"instances\":{}}", 400, "instances" },
        { "{\"instances\":[1]}", 400, "instances[0]" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(income: "\"lots\"") + "]}", 400, "instances[0].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(income: "\"NaN\"") + "]}", 400, "instances[0].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(income: "1e999") + "]}", 400, "instances[0].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(income: "true") + "]}", 400, "instances[0].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(income: "[1]") + "]}", 400, "instances[0].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance(employment: "3") + "]}", 400, "instances[0].employment_type" },
        { "{\"instances\":[" + DriftWatchFactory.Instance().Replace("\"age\":41,", string.Empty, StringComparison.Ordinal) + "]}", 400, "instances[0].age" },
        { "{\"instances\":[" + DriftWatchFactory.Instance().Replace("{", "{\"shoe_size\":44,", StringComparison.Ordinal) + "]}", 400, "instances[0].shoe_size" },
        { "{\"instances\":[" + DriftWatchFactory.Instance().Replace("{", "{\"age\":30,", StringComparison.Ordinal) + "]}", 400, "instances[0].age" },
        { "{\"instances\":[" + DriftWatchFactory.Instance() + "," + DriftWatchFactory.Instance(income: "{}") + "]}", 400, "instances[1].income" },
        { "{\"instances\":[" + DriftWatchFactory.Instance() + "]} trailing", 400, "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Predict_BadBody_ProblemNamingField(string body, int status, string field)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json(body));

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await DriftWatchFactory.ReadProblemAsync(response);
        Assert.Equal(field, (string)problem["field"]!);
        Assert.Contains(field == "body" ? "body" : field, (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Predict_TooManyInstances_400NamingInstances()
    {
        var client = _factory.CreateClient();
        var body = $$"""{"instances":[{{string.Join(",", Enumerable.Repeat("{}", 1001))}}]}""";

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("instances: too many instances; the limit is 1000 per request", (string)(await DriftWatchFactory.ReadProblemAsync(response))["detail"]!);
    }

    [Fact]
    public async Task Predict_BodyTooLarge_413()
    {
        var client = _factory.CreateClient();
        var body = "{\"instances\":[" + new string(' ', 2 << 20) + "]}";

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Predict_WrongContentType_415(string? contentType)
    {
        var client = _factory.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await client.PostAsync("/v1/models/credit-risk/predict", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Type", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Predict_UnknownModel_404()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/nope/predict", DriftWatchFactory.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }
}
