using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Drift;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>The drift evaluation service on its own: failures are counted under the failing model and logged with its
/// name, and a cancelled shutdown is not an error.</summary>
public sealed class DriftEvaluationHostedServiceTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly ServedModel Good = CreditRiskModel.Create(seed: 3, rows: 1_000);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FailingDriftClock _clock;
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly MemoryStateStore _store = new();
    private readonly DriftMonitorRegistry _registry;

    public DriftEvaluationHostedServiceTests()
    {
        _clock = new FailingDriftClock(_time);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs));
        _registry = new DriftMonitorRegistry(new DriftMonitorOptions { EvaluationInterval = Interval }, _store, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _loggerFactory.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Tick_TwoModelsThrow_EachCountedUnderItsModelLoggedByNameAndRecoveryPublishes()
    {
        var measurements = new ConcurrentQueue<(long Value, string? Model, string? Observer)>();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        using var listener = Listen(meterFactory, measurements);
        await _registry.AttachAsync(Good with { Model = new RenamedModel(Good.Model, "alpha") }, TestContext.Current.CancellationToken);
        await _registry.AttachAsync(Good with { Model = new RenamedModel(Good.Model, "beta") }, TestContext.Current.CancellationToken);
        await using var writerStore = SqlPredictionStore.CreateSqlite(Path.Combine(Path.GetTempPath(), "driftwatch-unused.db"));
        using var service = Service(new DriftWatchMetrics(meterFactory, new ModelRegistry(), new PredictionWriter(writerStore, 10, NullLogger.Instance, _time)));
        await service.StartAsync(TestContext.Current.CancellationToken);
        _clock.Failing = true;

        _time.Advance(Interval);
        _time.Advance(Interval);

        Assert.Equal(
            [(1L, "alpha", "drift"), (1L, "beta", "drift"), (1L, "alpha", "drift"), (1L, "beta", "drift")],
            measurements.ToArray());
        Assert.Equal(
            [
                "Drift evaluation of model alpha failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model beta failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model alpha failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model beta failed; serving continues, the previous snapshot stays, and the next tick retries.",
            ],
            _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));

        _clock.Failing = false;
        _time.Advance(Interval);

        Assert.Equal(4, measurements.Count);
        Assert.All(_registry.Monitors, m => Assert.Equal(1, m.Latest.Sequence));
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StopAsync_Running_SavesEveryModelsState()
    {
        await _registry.AttachAsync(Good, TestContext.Current.CancellationToken);
        using var service = Service(null);
        await service.StartAsync(TestContext.Current.CancellationToken);

        await service.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(_store.Saved.ContainsKey("drift/credit-risk/state"));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task StopAsync_ShutdownAlreadyCancelled_ReturnsAndWarnsInsteadOfThrowing()
    {
        await _registry.AttachAsync(Good, TestContext.Current.CancellationToken);
        using var service = Service(null);
        await service.StartAsync(TestContext.Current.CancellationToken);

        var thrown = await Record.ExceptionAsync(() => service.StopAsync(new CancellationToken(canceled: true)));

        Assert.Null(thrown);
        Assert.False(_store.Saved.ContainsKey("drift/credit-risk/state"));
        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("Shutdown was cancelled before the drift monitors' state was saved; the windows since the last save are lost.", entry.Message);
    }

    private static MeterListener Listen(IMeterFactory meterFactory, ConcurrentQueue<(long, string?, string?)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this test's meters: other tests in the process record on their own.
                if (instrument.Name == "driftwatch.monitor.errors" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? model = null, observer = null;
            foreach (var tag in tags)
            {
                model = tag.Key == "model" ? tag.Value as string : model;
                observer = tag.Key == "observer" ? tag.Value as string : observer;
            }

            measurements.Enqueue((value, model, observer));
        });
        listener.Start();
        return listener;
    }

    private DriftEvaluationHostedService Service(DriftWatchMetrics? metrics) =>
        new(
            _registry,
            new DriftMetrics(_services.GetRequiredService<IMeterFactory>(), _registry),
            Microsoft.Extensions.Options.Options.Create(_registry.Options),
            _time,
            _loggerFactory.CreateLogger<DriftEvaluationHostedService>(),
            metrics);

    /// <summary>A state store in memory that honours cancellation as the SQL stores do.</summary>
    private sealed class MemoryStateStore : IStateStore
    {
        public ConcurrentDictionary<string, byte[]> Saved { get; } = new(StringComparer.Ordinal);

        public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Saved.TryGetValue(key, out var value) ? value : null);
        }

        public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Saved[key] = value.ToArray();
            return Task.CompletedTask;
        }

        public Task<bool> DeleteStateAsync(string key, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Saved.TryRemove(key, out _));
        }
    }
}
