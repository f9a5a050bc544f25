using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static DriftWatch.AspNetCore.Tests.Monitoring.EvaluationServiceFixture;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>The label-free evaluation timer on its own: failures are caught, counted and logged, and never stop it.</summary>
public sealed class LabelFreeEvaluationHostedServiceTests : IAsyncDisposable
{
    private readonly EvaluationServiceFixture _fixture = new();
    private readonly ListLogger _logger = new();
    private readonly LabelFreeMonitorFactory _factory;
    private readonly LabelFreeEvaluationHostedService _service;

    public LabelFreeEvaluationHostedServiceTests()
    {
        _factory = new LabelFreeMonitorFactory(_fixture.MeterFactory);
        _service = new LabelFreeEvaluationHostedService(
            [_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _fixture.Time, _logger);
    }

    public async ValueTask DisposeAsync()
    {
        _service.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Tick_OneMonitorThrows_CountedLoggedOthersEvaluatedAndNextTickRetries()
    {
        var broken = new ServedModel(new ThrowingModel(Good.Model), Good.Reference, "test");
        var good = Observe(Good, 200);
        var bad = Observe(broken, 200);
        await _service.StartAsync(TestContext.Current.CancellationToken);

        _fixture.Time.Advance(Interval);

        Assert.Equal(1, _service.Failures);
        Assert.Equal(1, _service.Runs);
        Assert.NotNull(good.Latest);
        Assert.Null(bad.Latest);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("ThrowingModel", entry.Message, StringComparison.Ordinal);

        _fixture.Time.Advance(Interval);

        Assert.Equal(2, _service.Failures);
        Assert.Equal(2, _service.Runs);
        Assert.Equal(2, good.Evaluations);
        Assert.Equal(2, _logger.Entries.Count);
    }

    [Fact]
    public void EvaluateNow_MonitorThrows_CountedInMonitorErrorsMetric()
    {
        using var listener = _fixture.ListenToMonitorErrors();
        using var service = ServiceWithMetrics();
        Observe(new ServedModel(new ThrowingModel(Good.Model), Good.Reference, "test"), 200);
        Observe(Good, 200);

        Assert.True(service.EvaluateNow());

        Assert.Equal([(1L, "ThrowingModel", "label-free")], listener.Measurements);
    }

    [Fact]
    public async Task Timer_MonitorThrowsThenFaultClears_CountedOncePerFailedTickAndNextTickPublishes()
    {
        using var listener = _fixture.ListenToMonitorErrors();
        using var service = ServiceWithMetrics();
        var model = new ThrowingModel(Good.Model);
        var monitor = Observe(new ServedModel(model, Good.Reference, "test"), 200);
        await service.StartAsync(TestContext.Current.CancellationToken);

        _fixture.Time.Advance(Interval);
        _fixture.Time.Advance(Interval);
        _fixture.Time.Advance(Interval);

        Assert.Equal([(1L, "ThrowingModel", "label-free"), (1L, "ThrowingModel", "label-free"), (1L, "ThrowingModel", "label-free")], listener.Measurements);
        Assert.Null(monitor.Latest);
        Assert.Equal(3, _logger.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("model ThrowingModel failed", StringComparison.Ordinal)));

        model.Broken = false;
        _fixture.Time.Advance(Interval);

        Assert.Equal(3, listener.Measurements.Count);
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
            [_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _fixture.Time, logger);
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
        _fixture.Time.Advance(Interval);

        await _service.StopAsync(TestContext.Current.CancellationToken);
        _fixture.Time.Advance(Interval * 3);

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

    /// <summary>The service with the instruments of <see cref="DriftWatchMetrics"/>.</summary>
    private LabelFreeEvaluationHostedService ServiceWithMetrics() =>
        new([_factory], Options.Create(new DriftMonitorOptions { EvaluationInterval = Interval }), _fixture.Time, _logger, _fixture.Metrics());

    private LabelFreeMonitor Observe(ServedModel served, int count)
    {
        var monitor = (LabelFreeMonitor)_factory.Create(served)!;
        var rows = new CreditRiskGenerator(count).Generate(count);
        var schema = served.Model.Schema;
        var batch = CreditRiskRow.ToBatch(schema, rows);

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
