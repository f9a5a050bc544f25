using System.Net;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

[Collection(MetricsCollection.Name)]
public sealed class ObserverTests
{
    [Fact]
    public async Task Predict_ObserverRegistered_SeesFeaturesOutputsAndLabels()
    {
        var recorder = new RecordingFactory();
        using var factory = new DriftWatchFactory { ExtraServices = s => s.AddSingleton<IPredictionObserverFactory>(recorder) };
        var client = factory.CreateClient();

        var ids = await factory.PredictIdsAsync(client, DriftWatchFactory.Instance(33), DriftWatchFactory.Instance(66));
        await client.PostAsync("/v1/models/credit-risk/feedback", DriftWatchFactory.Json($$"""{"feedback":[{"id":"{{ids[1]}}","actual":1}]}"""));

        var batch = Assert.Single(recorder.Observer.Batches);
        Assert.Equal("credit-risk", recorder.Model!.Name);
        Assert.Equal(2, batch.Count);
        Assert.Equal(ids, batch.Ids);
        Assert.Equal(66, batch.Features.GetNumber(1, 0));
        Assert.Equal("salaried", batch.Features.GetString(1, 6));
        var label = Assert.Single(recorder.Observer.Labels);
        Assert.Equal(ids[1], label.PredictionId);
        Assert.Equal(1, label.Actual);
        Assert.Equal(batch.Outputs.Span[1], label.Output);
    }

    [Fact]
    public async Task Predict_ObserverThrows_StillServedAndCounted()
    {
        using var factory = new DriftWatchFactory { ExtraServices = s => s.AddSingleton<IPredictionObserverFactory, ThrowingFactory>() };
        var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{DriftWatchFactory.Instance()}}]}"""));
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("driftwatch_monitor_errors_total{model=\"credit-risk\",observer=\"throwing\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_MonitoringDisabled_NoObserverCalled()
    {
        var recorder = new RecordingFactory();
        using var factory = new DriftWatchFactory
        {
            Configure = o => o.Monitoring.Enabled = false,
            ExtraServices = s => s.AddSingleton<IPredictionObserverFactory>(recorder),
        };
        var client = factory.CreateClient();

        await factory.PredictIdsAsync(client, DriftWatchFactory.Instance());

        Assert.Null(recorder.Model);
        Assert.Empty(recorder.Observer.Batches);
    }

    private sealed class RecordingFactory : IPredictionObserverFactory
    {
        public RecordingObserver Observer { get; } = new();

        public ServedModel? Model { get; private set; }

        public string Name => "recording";

        public IPredictionObserver? Create(ServedModel model)
        {
            Model = model;
            return Observer;
        }
    }

    private sealed class RecordingObserver : IPredictionObserver
    {
        public List<PredictionBatch> Batches { get; } = [];

        public List<LabelledPrediction> Labels { get; } = [];

        public void OnPredictions(PredictionBatch batch) => Batches.Add(batch);

        public void OnLabels(ReadOnlySpan<LabelledPrediction> labels) => Labels.AddRange(labels);
    }

    private sealed class ThrowingFactory : IPredictionObserverFactory
    {
        public string Name => "throwing";

        public IPredictionObserver? Create(ServedModel model) => new Throwing();

        private sealed class Throwing : IPredictionObserver
        {
            public void OnPredictions(PredictionBatch batch) => throw new InvalidOperationException("boom");

            public void OnLabels(ReadOnlySpan<LabelledPrediction> labels) => throw new InvalidOperationException("boom");
        }
    }
}
