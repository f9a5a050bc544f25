using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Drift;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Security;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace DriftWatch.AspNetCore;

/// <summary>Registers the monitored model service.</summary>
public static class DriftWatchServiceCollectionExtensions
{
    /// <summary>Adds DriftWatch: models, store, prediction writer, monitors, metrics (OpenTelemetry with the Prometheus exporter).</summary>
    /// <remarks>
    /// Options bind from the <c>DriftWatch</c> configuration section, then <paramref name="configure"/> runs; they are
    /// validated at start-up. Idempotent: a second call only applies its <paramref name="configure"/>. To watch models
    /// with your own code, register an <see cref="IPredictionObserverFactory"/> (<c>TryAddEnumerable</c>).
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddDriftWatch(this IServiceCollection services, Action<DriftWatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DriftWatchOptions>();
        if (services.Any(d => d.ServiceType == typeof(DriftWatchRuntime)))
        {
            if (configure is not null)
            {
                options.Configure(configure);
            }

            return services;
        }

        options.BindConfiguration(DriftWatchConstants.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftWatchOptions>, DriftWatchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelRegistry>();
        services.TryAddSingleton<IPredictionStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<DriftWatchOptions>>().Value.Store;
            var time = sp.GetRequiredService<TimeProvider>();
            return store.Provider == "postgres"
                ? SqlPredictionStore.CreatePostgres(store.ConnectionString!, time)
                : SqlPredictionStore.CreateSqlite(store.Path, time);
        });
        services.TryAddSingleton<IStateStore>(sp => sp.GetRequiredService<IPredictionStore>());
        services.TryAddSingleton(sp => new PredictionWriter(
            sp.GetRequiredService<IPredictionStore>(),
            sp.GetRequiredService<IOptions<DriftWatchOptions>>().Value.Store.WriterCapacity,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<PredictionWriter>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DriftWatchMetrics>();
        services.TryAddSingleton<DriftWatchRuntime>();
        services.TryAddSingleton<ModelEntryBuilder>();
        services.TryAddSingleton<ModelReloader>();
        services.TryAddSingleton<ApiKeys>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictionObserverFactory, InputMonitorFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictionObserverFactory, QualityMonitorFactory>());
        services.AddDriftMonitoring();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictionObserverFactory, LabelFreeMonitorFactory>());
        services.AddHostedService<LabelFreeEvaluationHostedService>();
        services.AddHostedService<DriftWatchHostedService>();
        services.AddProblemDetails();
        services.AddDriftWatchAlerts();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DriftWatchConstants.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddView(ScrapeCost.Drop)
            .AddPrometheusExporter(o =>
            {
                // Every scrape renders fresh values (the default caches for 300 ms).
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
            }));
        return services;
    }
}
