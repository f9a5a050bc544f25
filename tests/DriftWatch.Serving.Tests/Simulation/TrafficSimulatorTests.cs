using System.Net;
using System.Text;
using System.Text.Json;
using DriftWatch.Serving.Simulation;
using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Tests.Simulation;

public sealed class TrafficSimulatorTests
{
    [Fact]
    public async Task RunAsync_StubService_EveryPredictionGetsItsLabel()
    {
        var handler = new StubService();
        using var http = new HttpClient(handler);
        var simulator = new TrafficSimulator(http, new Uri("http://127.0.0.1:9/"), "credit-risk", seed: 3);

        await simulator.RunAsync(
            [new SimulationPhase(DriftScenario.BlankField, TimeSpan.FromMilliseconds(300), "blank")], rowsPerSecond: 200, batchSize: 5, TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.True(simulator.Stats.Rows >= 5);
        Assert.Equal(0, simulator.Stats.FailedRequests);
        Assert.Equal(simulator.Stats.Rows, simulator.Stats.Labels);
        Assert.Equal(handler.Ids.Order(), handler.LabelledIds.Order());
        Assert.True(handler.NullIncomes > 0, "blank_field sends income as JSON null");
        Assert.All(handler.Paths, p => Assert.StartsWith("/v1/models/credit-risk/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ServiceFails_CountsFailuresAndKeepsGoing()
    {
        using var http = new HttpClient(new StubService { Fail = true });
        var simulator = new TrafficSimulator(http, new Uri("http://127.0.0.1:9"), "credit-risk", seed: 3);

        await simulator.RunAsync(
            [new SimulationPhase(DriftScenario.None, TimeSpan.FromMilliseconds(100), "none")], 100, 5, TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.True(simulator.Stats.Requests >= 1);
        Assert.Equal(simulator.Stats.Requests, simulator.Stats.FailedRequests);
        Assert.Contains("HTTP 503", simulator.Stats.LastError, StringComparison.Ordinal);
    }

    private sealed class StubService : HttpMessageHandler
    {
        private int _next;

        public bool Fail { get; init; }

        public List<string> Ids { get; } = [];

        public List<string> LabelledIds { get; } = [];

        public List<string> Paths { get; } = [];

        public int NullIncomes { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.AbsolutePath);
            if (Fail)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("down") };
            }

            using var doc = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (request.RequestUri.AbsolutePath.EndsWith("/predict", StringComparison.Ordinal))
            {
                var predictions = new StringBuilder("{\"predictions\":[");
                foreach (var instance in doc.RootElement.GetProperty("instances").EnumerateArray())
                {
                    if (instance.GetProperty("income").ValueKind == JsonValueKind.Null)
                    {
                        NullIncomes++;
                    }

                    var id = $"p{_next++}";
                    Ids.Add(id);
                    predictions.Append(Ids.Count > 1 && predictions[^1] != '[' ? "," : string.Empty);
                    predictions.Append($"{{\"id\":\"{id}\",\"label\":0,\"score\":0.1}}");
                }

                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(predictions.Append("]}").ToString()) };
            }

            foreach (var item in doc.RootElement.GetProperty("feedback").EnumerateArray())
            {
                LabelledIds.Add(item.GetProperty("id").GetString()!);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }
}
