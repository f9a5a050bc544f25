using DriftWatch.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>Registers and maps the Alertmanager webhook receiver.</summary>
public static class AlertsEndpointRouteBuilderExtensions
{
    /// <summary>Registers the alert board and binds <see cref="AlertsOptions"/> to <c>DriftWatch:Alerts</c>; idempotent.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddDriftWatchAlerts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(AlertBoard)))
        {
            return services;
        }

        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName);
        services.TryAddSingleton<AlertBoard>();
        return services;
    }

    /// <summary>Maps <c>POST /v1/alerts</c> (Alertmanager webhook, guarded by its own key) and <c>GET /v1/alerts</c>
    /// (the firing alerts; guarded by the metrics keys when configured).</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapDriftWatchAlerts(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/v1/alerts").WithTags("Alerts");
        group.MapPost("/", AlertsEndpoint.ReceiveAsync).WithName("ReceiveAlerts").WithSummary("Receives Alertmanager webhook notifications.");
        group.MapGet("/", AlertsEndpoint.List).WithName("ListAlerts").WithSummary("The alerts Alertmanager reports as firing.")
            .AddEndpointFilter(new ApiKeyFilter(ApiKeyScope.Metrics));
        return group;
    }
}
