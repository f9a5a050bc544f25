using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Registers live drift monitoring: monitors per model, the evaluation timer, drift metrics, the drift and reference endpoints.</summary>
public static class DriftMonitoringServiceCollectionExtensions
{
    /// <summary>The configuration section of <see cref="DriftMonitorOptions"/>.</summary>
    public const string SectionName = DriftWatchConstants.SectionName + ":Drift";

    /// <summary>Adds drift monitoring (idempotent). Options bind from <c>DriftWatch:Drift</c> and are validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddDriftMonitoring(this IServiceCollection services, Action<DriftMonitorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DriftMonitorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(DriftMonitorRegistry)))
        {
            return services;
        }

        options.BindConfiguration(SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftMonitorOptions>, DriftMonitorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DriftMonitorRegistry(
            sp.GetRequiredService<IOptions<DriftMonitorOptions>>().Value, sp.GetService<IStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPredictionObserverFactory, DriftObserverFactory>());
        services.TryAddSingleton<IReferenceUpdater, DriftReferenceUpdater>();
        services.TryAddSingleton<DriftMetrics>();
        services.AddHostedService<DriftEvaluationHostedService>();
        return services;
    }

    /// <summary>Maps <c>GET {model}/drift</c> on the <c>/v1/models</c> group.</summary>
    /// <param name="models">The group <see cref="DriftWatchEndpointRouteBuilderExtensions.MapDriftWatch"/> returns.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static RouteHandlerBuilder MapDriftMonitoring(this RouteGroupBuilder models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return models.MapGet("/{model}/drift", DriftEndpoint.Get)
            .WithName("GetDrift")
            .WithSummary("The latest drift snapshot: per-feature and dataset drift, prediction and concept drift, quality, integrity (JSON or ?format=html).");
    }
}
