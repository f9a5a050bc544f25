using System.Net;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

public sealed class ApiKeyTests : IDisposable
{
    private const string PredictKey = "predict-key-0123456789";
    private const string AdminKey = "admin-key-0123456789ab";
    private const string MetricsKey = "metrics-key-0123456789";

    private readonly DriftWatchFactory _factory = new()
    {
        Configure = o =>
        {
            o.Security.PredictKeys.Add(PredictKey);
            o.Security.AdminKeys.Add(AdminKey);
            o.Security.MetricsKeys.Add(MetricsKey);
        },
        ExtraServices = s => s.AddSingleton<IReferenceUpdater, EchoUpdater>(),
    };

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-0123456789")]
    [InlineData("Bearer " + PredictKey + "x")]
    [InlineData("Basic " + PredictKey)]
    [InlineData("Bearer " + AdminKey)]
    public async Task Predict_WithoutTheKey_401WithChallenge(string? authorization)
    {
        var client = _factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Authorization", (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task Predict_WithTheKey_200()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, PredictKey);

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_NoFeedbackKeysConfigured_Open()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json("""{"feedback":[{"id":"unknown","actual":1}]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithAndWithoutKey_401Then200()
    {
        var client = _factory.CreateClient();

        var refused = await client.GetAsync("/metrics");
        DriftWatchFactory.Authorize(client, MetricsKey);
        var allowed = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Reference_WithAdminKey_ReachesUpdater()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, AdminKey);

        var response = await client.PutAsync("/v1/models/credit-risk/reference", DriftWatchFactory.Json("{}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("credit-risk", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reference_WithPredictKey_401()
    {
        var client = _factory.CreateClient();
        DriftWatchFactory.Authorize(client, PredictKey);

        var response = await client.PutAsync("/v1/models/credit-risk/reference", DriftWatchFactory.Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reference_NoAdminKeysConfigured_403()
    {
        using var open = new DriftWatchFactory();
        var client = open.CreateClient();
        DriftWatchFactory.Authorize(client, AdminKey);

        var response = await client.PutAsync("/v1/models/credit-risk/reference", DriftWatchFactory.Json("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void ApiKeySet_MatchesOnlyExactKeys()
    {
        var keys = new Security.ApiKeySet(["first-key-0123456789", "second-key-0123456789"]);

        Assert.True(keys.IsAuthorized(Request("Bearer second-key-0123456789")));
        Assert.True(keys.IsAuthorized(Request("bearer first-key-0123456789")));
        Assert.False(keys.IsAuthorized(Request("Bearer first-key-012345678")));
        Assert.False(keys.IsAuthorized(Request("Bearer ")));
        Assert.False(keys.IsAuthorized(Request(string.Empty)));
    }

    private static HttpRequest Request(string authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = authorization;
        return context.Request;
    }

    private sealed class EchoUpdater : IReferenceUpdater
    {
        public Task<IResult> ReplaceAsync(ServedModel model, HttpContext context) =>
            Task.FromResult<IResult>(TypedResults.Text(model.Name, statusCode: StatusCodes.Status202Accepted));
    }
}
