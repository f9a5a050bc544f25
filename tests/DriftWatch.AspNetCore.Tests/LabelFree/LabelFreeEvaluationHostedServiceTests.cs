using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>The label-free evaluation timer on its own: failures are caught, counted and logged, and never stop it.</summary>
public sealed class LabelFreeEvaluationHostedServiceTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly ServedModel Good = CreditRiskModel.Create(seed: 3, rows: 1_000);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _logger = new();
    private readonly LabelFreeMonitorFactory _factory;
    private readonly LabelFreeEvaluationHostedService _service;

    public LabelFreeEvaluationHostedServiceTests()
    {
        _factory = new LabelFreeMonitorFactory(_services.GetRequiredService<IMeterFactory>());
        _service = new LabelFreeEvaluationHostedService(
            [_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _time, _logger);
    }

    public void Dispose()
    {
        _service.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Tick_OneMonitorThrows_CountedLoggedOthersEvaluatedAndNextTickRetries()
    {
        var broken = new ServedModel(new ThrowingModel(Good.Model), Good.Reference, "test");
        var good = Observe(Good, 200);
        var bad = Observe(broken, 200);
        await _service.StartAsync(TestContext.Current.CancellationToken);

        _time.Advance(Interval);

        Assert.Equal(1, _service.Failures);
        Assert.Equal(1, _service.Runs);
        Assert.NotNull(good.Latest);
        Assert.Null(bad.Latest);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("ThrowingModel", entry.Message, StringComparison.Ordinal);

        _time.Advance(Interval);

        Assert.Equal(2, _service.Failures);
        Assert.Equal(2, _service.Runs);
        Assert.Equal(2, good.Evaluations);
        Assert.Equal(2, _logger.Entries.Count);
    }

    [Fact]
    public async Task EvaluateNow_MonitorThrows_CountedInMonitorErrorsMetric()
    {
        var measurements = new List<(long Value, string? Model, string? Observer)>();
        using var listener = ListenToMonitorErrors(measurements);
        // The metrics only read the writer's counters; the store is never opened.
        await using var store = SqlPredictionStore.CreateSqlite(Path.Combine(Path.GetTempPath(), "driftwatch-unused.db"));
        using var service = ServiceWithMetrics(store);
        Observe(new ServedModel(new ThrowingModel(Good.Model), Good.Reference, "test"), 200);
        Observe(Good, 200);

        Assert.True(service.EvaluateNow());

        Assert.Equal([(1L, "ThrowingModel", "label-free")], measurements);
    }

    [Fact]
    public async Task Timer_MonitorThrowsThenFaultClears_CountedOncePerFailedTickAndNextTickPublishes()
    {
        var measurements = new List<(long Value, string? Model, string? Observer)>();
        using var listener = ListenToMonitorErrors(measurements);
        await using var store = SqlPredictionStore.CreateSqlite(Path.Combine(Path.GetTempPath(), "driftwatch-unused.db"));
        using var service = ServiceWithMetrics(store);
        var model = new ThrowingModel(Good.Model);
        var monitor = Observe(new ServedModel(model, Good.Reference, "test"), 200);
        await service.StartAsync(TestContext.Current.CancellationToken);

        _time.Advance(Interval);
        _time.Advance(Interval);
        _time.Advance(Interval);

        Assert.Equal([(1L, "ThrowingModel", "label-free"), (1L, "ThrowingModel", "label-free"), (1L, "ThrowingModel", "label-free")], measurements);
        Assert.Null(monitor.Latest);
        Assert.Equal(3, _logger.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("model ThrowingModel failed", StringComparison.Ordinal)));

        model.Broken = false;
        _time.Advance(Interval);

        Assert.Equal(3, measurements.Count);
        Assert.Equal(3, service.Failures);
        Assert.Equal(1, monitor.Evaluations);
        Assert.Equal(200, monitor.Latest!.Rows);
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void EvaluateNow_LoggerThrows_NothingEscapesAndOtherMonitorsRun()
    {
        var logger = new ListLogger { Throws = true };
        using var service = new LabelFreeEvaluationHostedService(
            [_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _time, logger);
        Observe(new ServedModel(new ThrowingModel(Good.Model), Good.Reference, "test"), 200);
        var good = Observe(Good, 200);

        var escaped = Record.Exception(() => Assert.True(service.EvaluateNow()));

        Assert.Null(escaped);
        Assert.Equal(1, service.Failures);
        Assert.Equal(1, service.Runs);
        Assert.Equal(1, good.Evaluations);
    }

    [Fact]
    public async Task StopAsync_AfterStop_NoMoreTicks()
    {
        var good = Observe(Good, 100);
        await _service.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(Interval);

        await _service.StopAsync(TestContext.Current.CancellationToken);
        _time.Advance(Interval * 3);

        Assert.Equal(1, _service.Runs);
        Assert.Equal(1, good.Evaluations);
    }

    [Fact]
    public void EvaluateNow_NotStarted_EvaluatesEveryMonitorOnce()
    {
        var good = Observe(Good, 100);

        Assert.True(_service.EvaluateNow());

        Assert.Equal(1, good.Evaluations);
        Assert.Equal(100, good.Latest!.Rows);
        Assert.Equal(0, _service.Failures);
    }

    private MeterListener ListenToMonitorErrors(List<(long Value, string? Model, string? Observer)> measurements)
    {
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meters: other tests in the process record on their own.
            if (instrument.Name == "driftwatch.monitor.errors" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? model = null, observer = null;
            foreach (var tag in tags)
            {
                model = tag.Key == "model" ? tag.Value as string : model;
                observer = tag.Key == "observer" ? tag.Value as string : observer;
            }

            lock (measurements)
            {
                measurements.Add((value, model, observer));
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>The service with the instruments of <see cref="DriftWatchMetrics"/>; the metrics only read the writer's
    /// counters, so the store is never opened.</summary>
    private LabelFreeEvaluationHostedService ServiceWithMetrics(SqlPredictionStore store)
    {
        var writer = new PredictionWriter(store, 10, NullLogger.Instance, _time);
        var metrics = new DriftWatchMetrics(_services.GetRequiredService<IMeterFactory>(), new ModelRegistry(), writer);
        return new LabelFreeEvaluationHostedService(
            [_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _time, _logger, metrics);
    }

    private LabelFreeMonitor Observe(ServedModel served, int count)
    {
        var monitor = (LabelFreeMonitor)_factory.Create(served)!;
        var rows = new CreditRiskGenerator(count).Generate(count);
        var schema = served.Model.Schema;
        var batch = new FeatureBatch(schema, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var f = 0; f < schema.Count; f++)
            {
                var feature = schema.Features[f];
                if (feature.Kind == FeatureKind.Numeric)
                {
                    batch.SetNumber(r, f, rows[r].GetNumber(feature.Name));
                }
                else
                {
                    batch.SetString(r, f, rows[r].GetCategory(feature.Name));
                }
            }
        }

        var outputs = new ModelOutput[rows.Count];
        Good.Model.Predict(batch, outputs);
        monitor.OnPredictions(new PredictionBatch(served.Model, batch, outputs, [.. rows.Select((_, i) => $"p{i}")], default));
        return monitor;
    }

    /// <summary>The credit-risk model under another name whose predictions throw while <see cref="Broken"/> is set (so
    /// fitting the evaluator fails, and succeeds once the fault is cleared).</summary>
    private sealed class ThrowingModel(IModel inner) : IModel
    {
        public bool Broken { get; set; } = true;

        public string Name => "ThrowingModel";

        public string Version => inner.Version;

        public ModelTask Task => inner.Task;

        public ModelSchema Schema => inner.Schema;

        public void Predict(FeatureBatch batch, Span<ModelOutput> outputs)
        {
            if (Broken)
            {
                throw new InvalidOperationException("model unavailable");
            }

            inner.Predict(batch, outputs);
        }
    }

    private sealed class ListLogger : ILogger<LabelFreeEvaluationHostedService>
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

        /// <summary>Gets or sets a value indicating whether logging throws, as a broken logging provider does.</summary>
        public bool Throws { get; set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Throws)
            {
                throw new InvalidOperationException("logging provider down");
            }

            lock (Entries)
            {
                Entries.Add((logLevel, exception, formatter(state, exception)));
            }
        }
    }
}
