using System.Diagnostics.Metrics;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

/// <summary>What an evaluation hosted service is built from outside a host: a fake clock, a meter factory of its own,
/// and the service's <see cref="DriftWatchMetrics"/> over a store that is never opened.</summary>
internal sealed class EvaluationServiceFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<SqlPredictionStore> _stores = [];

    /// <summary>Gets the services' evaluation interval, 15 s.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets the built-in credit-risk model (seed 3, 1,000 rows), trained once per test process.</summary>
    /// <remarks>Shared by test classes that may run at once: <see cref="MLNetModel"/> is thread-safe.</remarks>
    public static ServedModel Good { get; } = CreditRiskModel.Create(seed: 3, rows: 1_000);

    /// <summary>Gets the clock, at 2026-01-01T00:00Z until advanced.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Gets the meter factory of this fixture alone.</summary>
    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    /// <summary>Starts recording the <c>driftwatch.monitor.errors</c> measurements of <see cref="MeterFactory"/>.</summary>
    public MonitorErrorsListener ListenToMonitorErrors() => new(MeterFactory);

    /// <summary>Creates the service-wide metrics on <see cref="MeterFactory"/>; they only read the prediction writer's
    /// counters, so its store is never opened.</summary>
    public DriftWatchMetrics Metrics()
    {
        var store = SqlPredictionStore.CreateSqlite(Path.Combine(Path.GetTempPath(), "driftwatch-unused.db"));
        _stores.Add(store);
        return new DriftWatchMetrics(MeterFactory, new ModelRegistry(), new PredictionWriter(store, 10, NullLogger.Instance, Time));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
