using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Generation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>The service in process with a fake clock: rows go through <c>/predict</c>, labels through <c>/feedback</c>,
/// and <see cref="DriftAsync"/> advances the clock past one evaluation interval before reading <c>/drift</c>.</summary>
internal sealed class DriftService : IDisposable
{
    public const string AdminKey = "admin-key-for-tests-0123456789";

    private readonly DriftWatchFactory _factory;

    public DriftService(Action<DriftWatchOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _factory = new DriftWatchFactory
        {
            Configure = o =>
            {
                o.Security.AdminKeys.Add(AdminKey);
                configure?.Invoke(o);
            },
            ExtraServices = collection =>
            {
                collection.AddSingleton<TimeProvider>(Time);
                services?.Invoke(collection);
            },
        };
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static string Body(IEnumerable<CreditRiskRow> rows)
    {
        var json = new StringBuilder("{\"instances\":[");
        var first = true;
        foreach (var row in rows)
        {
            json.Append(first ? "{" : ",{");
            first = false;
            var firstField = true;
            foreach (var (name, value) in row.ToFeatures())
            {
                json.Append(firstField ? string.Empty : ",").Append('"').Append(name).Append("\":");
                firstField = false;
                json.Append(value switch
                {
                    null => "null",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    _ => $"\"{value}\"",
                });
            }

            json.Append('}');
        }

        return json.Append("]}").ToString();
    }

    /// <summary>Predicts the rows (in requests of 1 000) and returns each row's predicted label and id.</summary>
    public async Task<List<(string Id, double Label)>> PredictAsync(IReadOnlyList<CreditRiskRow> rows)
    {
        var result = new List<(string, double)>(rows.Count);
        for (var start = 0; start < rows.Count; start += 1_000)
        {
            var chunk = rows.Skip(start).Take(1_000);
            var response = await Client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json(Body(chunk)));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            foreach (var p in body["predictions"]!.AsArray())
            {
                result.Add(((string)p!["id"]!, (double)p["label"]!));
            }
        }

        return result;
    }

    public async Task FeedbackAsync(IReadOnlyList<(string Id, double Label)> predictions, IReadOnlyList<CreditRiskRow> rows)
    {
        for (var start = 0; start < rows.Count; start += 1_000)
        {
            var items = Enumerable.Range(start, Math.Min(1_000, rows.Count - start))
                .Select(i => $"{{\"id\":\"{predictions[i].Id}\",\"actual\":{rows[i].Label}}}");
            var response = await Client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($"{{\"feedback\":[{string.Join(",", items)}]}}"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Predicts and labels the rows.</summary>
    public async Task PlayAsync(IReadOnlyList<CreditRiskRow> rows) => await FeedbackAsync(await PredictAsync(rows), rows);

    public async Task<JsonObject> DriftAsync()
    {
        Time.Advance(TimeSpan.FromSeconds(15));
        var response = await Client.GetAsync("/v1/models/credit-risk/drift");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string[] Drifted(JsonObject drift) =>
        [.. drift["columns"]!.AsArray().Where(c => (bool)c!["detected"]!).Select(c => (string)c!["column"]!).Distinct().Order()];

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}
