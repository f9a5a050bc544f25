using System.Net.Http.Headers;
using System.Text;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary>Thousands of seeded random malformed requests: none may get a 5xx, and the service must still answer after.</summary>
public sealed class FuzzTests : IClassFixture<DriftWatchFactory>
{
    private const int Requests = 3000;

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1e308", "1e999", "-1e999", "NaN", "\"NaN\"", "\"Infinity\"", "\"\"", "\"x\"", "[]", "{}", "[1,2]",
        "{\"a\":{\"b\":[]}}", "\"\\u0000\"", "\"\\ud800\"", "123456789012345678901234567890", "0.000000000000000000001", "\"salaried\"",
        "\"" + new string('z', 5000) + "\"", "-", "01", "1.", ".5", "\"\\x\"",
    ];

    private static readonly string[] Paths =
    [
        "/v1/models/credit-risk/predict", "/v1/models/credit-risk/predict", "/v1/models/credit-risk/predict", "/v1/models/credit-risk/feedback",
        "/v1/models/credit-risk/feedback", "/v1/models/other/predict", "/v1/models/credit-risk", "/v1/models",
        "/v1/models/credit-risk/reference", "/metrics", "/readyz", "/v1/models/" + new string('a', 300) + "/predict",
    ];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/problem+json", "multipart/form-data; boundary=x", null];

    private readonly DriftWatchFactory _factory;

    public FuzzTests(DriftWatchFactory factory) => _factory = factory;

    [Fact]
    public async Task RandomMalformedRequests_NoServerError_ServiceStillAnswers()
    {
        var random = new Random(20261127);
        var client = _factory.CreateClient();
        var failures = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var path = Paths[random.Next(Paths.Length)];
            var body = Mutate(random, path.EndsWith("feedback", StringComparison.Ordinal) ? Feedback(random) : Predict(random));
            var method = random.Next(10) switch { 0 => HttpMethod.Get, 1 => HttpMethod.Put, 2 => HttpMethod.Delete, _ => HttpMethod.Post };
            using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
            var contentType = ContentTypes[random.Next(ContentTypes.Length)];
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {method} {path}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])}");
            }
        }

        var health = await client.GetAsync("/healthz");
        var predict = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));

        Assert.Empty(failures);
        Assert.True(health.IsSuccessStatusCode);
        Assert.True(predict.IsSuccessStatusCode);
    }

    private static string Predict(Random random)
    {
        var rows = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var row = DriftWatchFactory.Instance();
            return random.Next(3) == 0 ? row.Replace("52000", Values[random.Next(Values.Length)], StringComparison.Ordinal) : row;
        });
        return $$"""{"instances":[{{string.Join(",", rows)}}]}""";
    }

    private static string Feedback(Random random) =>
        $$"""{"feedback":[{"id":"{{Guid.NewGuid():N}}","actual":{{Values[random.Next(Values.Length)]}}}]}""";

    private static byte[] Mutate(Random random, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        switch (random.Next(9))
        {
            case 0:
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var junk = new byte[random.Next(0, 2000)];
                random.NextBytes(junk);
                return junk;
            case 3:
                var depth = random.Next(1, 200);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 4:
                return Encoding.UTF8.GetBytes(json.Replace("\"age\"", random.Next(2) == 0 ? "\"AGE\"" : "\"age\",\"age\":1,\"x\"", StringComparison.Ordinal));
            case 5:
                return Encoding.UTF8.GetBytes(json.Replace("\"mobile\"", Values[random.Next(Values.Length)], StringComparison.Ordinal));
            case 6:
                return [.. bytes, .. Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)])];
            case 7:
                return Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)]);
            default:
                return bytes;
        }
    }
}
