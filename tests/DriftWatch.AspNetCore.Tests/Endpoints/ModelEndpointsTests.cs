using System.Net;
using System.Text.Json.Nodes;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

public sealed class ModelEndpointsTests : IClassFixture<DriftWatchFactory>
{
    private readonly DriftWatchFactory _factory;

    public ModelEndpointsTests(DriftWatchFactory factory) => _factory = factory;

    [Fact]
    public async Task ListModels_Default_ListsCreditRisk()
    {
        var client = _factory.CreateClient();

        var body = await client.GetStringAsync("/v1/models");

        Assert.Equal("""{"models":[{"name":"credit-risk","version":"1","task":"binary_classification"}]}""", body);
    }

    [Fact]
    public async Task GetModel_CreditRisk_ReturnsSchema()
    {
        var client = _factory.CreateClient();

        var body = JsonNode.Parse(await client.GetStringAsync("/v1/models/credit-risk"))!;

        Assert.Equal("binary_classification", (string)body["task"]!);
        Assert.Equal(
            ["age", "income", "debt_to_income", "credit_history_months", "num_open_accounts", "loan_amount", "employment_type", "device_type"],
            body["features"]!.AsArray().Select(f => (string)f!["name"]!));
        Assert.Equal("categorical", (string)body["features"]![7]!["type"]!);
        Assert.Equal(["desktop", "mobile", "tablet"], body["features"]![7]!["categories"]!.AsArray().Select(c => (string)c!).Order());
        Assert.True((double)body["features"]![0]!["min"]! < (double)body["features"]![0]!["max"]!);
        Assert.Equal(10_000, (int)body["reference_rows"]!);
    }

    [Fact]
    public async Task GetModel_Unknown_404ProblemNamingModel()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/v1/models/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Health_Live_Ok()
    {
        var client = _factory.CreateClient();

        Assert.Equal("""{"status":"ok"}""", await client.GetStringAsync("/healthz"));
        Assert.Equal("""{"status":"ready"}""", await client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Overview_Root_ListsModelLinks()
    {
        var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a href=\"/v1/models/credit-risk\">credit-risk</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_404Problem()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/v2/whatever");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
