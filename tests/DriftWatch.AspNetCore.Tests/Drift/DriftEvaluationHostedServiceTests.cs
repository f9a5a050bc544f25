using System.Collections.Concurrent;
using DriftWatch.AspNetCore.Drift;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.Logging;
using static DriftWatch.AspNetCore.Tests.Monitoring.EvaluationServiceFixture;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>The drift evaluation service on its own: failures are counted under the failing model and logged with its
/// name, and a cancelled shutdown is not an error.</summary>
public sealed class DriftEvaluationHostedServiceTests : IAsyncDisposable
{
    private readonly EvaluationServiceFixture _fixture = new();
    private readonly FailingDriftClock _clock;
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly MemoryStateStore _store = new();
    private readonly DriftMonitorRegistry _registry;

    public DriftEvaluationHostedServiceTests()
    {
        _clock = new FailingDriftClock(_fixture.Time);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs));
        _registry = new DriftMonitorRegistry(new DriftMonitorOptions { EvaluationInterval = Interval }, _store, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _loggerFactory.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Tick_TwoModelsThrow_EachCountedUnderItsModelLoggedByNameAndRecoveryPublishes()
    {
        using var listener = _fixture.ListenToMonitorErrors();
        await _registry.AttachAsync(Good with { Model = new RenamedModel(Good.Model, "alpha") }, TestContext.Current.CancellationToken);
        await _registry.AttachAsync(Good with { Model = new RenamedModel(Good.Model, "beta") }, TestContext.Current.CancellationToken);
        using var service = Service(_fixture.Metrics());
        await service.StartAsync(TestContext.Current.CancellationToken);
        _clock.Failing = true;

        _fixture.Time.Advance(Interval);
        _fixture.Time.Advance(Interval);

        Assert.Equal(
            [(1L, "alpha", "drift"), (1L, "beta", "drift"), (1L, "alpha", "drift"), (1L, "beta", "drift")],
            listener.Measurements);
        Assert.Equal(
            [
                "Drift evaluation of model alpha failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model beta failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model alpha failed; serving continues, the previous snapshot stays, and the next tick retries.",
                "Drift evaluation of model beta failed; serving continues, the previous snapshot stays, and the next tick retries.",
            ],
            _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));

        _clock.Failing = false;
        _fixture.Time.Advance(Interval);

        Assert.Equal(4, listener.Measurements.Count);
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

    private DriftEvaluationHostedService Service(DriftWatchMetrics? metrics) =>
        new(
            _registry,
            new DriftMetrics(_fixture.MeterFactory, _registry),
            Microsoft.Extensions.Options.Options.Create(_registry.Options),
            _fixture.Time,
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
