using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Drift;
using DriftWatch.AspNetCore.Endpoints;
using DriftWatch.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore;

/// <summary>Maps the DriftWatch endpoints.</summary>
public static class DriftWatchEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/v1/models/...</c> (predict, feedback, metadata, reference, reload), <c>/healthz</c>, <c>/readyz</c>, <c>/</c>, <c>/v1/overview</c>, <c>/metrics</c> and <c>/v1/alerts</c>.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The <c>/v1/models</c> route group, for more conventions or endpoints (e.g. <c>{model}/drift</c>).</returns>
    public static RouteGroupBuilder MapDriftWatch(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", OverviewEndpoint.Get).ExcludeFromDescription();
        endpoints.MapGet("/v1/overview", OverviewEndpoint.GetJson).WithName("Overview").WithTags("Overview")
            .WithSummary("What the overview page shows: per model traffic, latency, quality, drift, integrity; firing alerts.");
        endpoints.MapGet("/healthz", HealthEndpoints.Live).WithName("DriftWatchLive").WithTags("Health");
        endpoints.MapGet("/readyz", HealthEndpoints.ReadyAsync).WithName("DriftWatchReady").WithTags("Health");
        endpoints.MapDriftWatchMetrics();
        endpoints.MapDriftWatchAlerts();

        var models = endpoints.MapGroup("/v1/models").WithTags("Models");
        models.MapGet("/", ModelEndpoints.List).WithName("ListModels").WithSummary("Lists the served models.");
        models.MapGet("/{model}", ModelEndpoints.Get).WithName("GetModel").WithSummary("A model's metadata and input schema.");
        models.MapPost("/{model}/predict", PredictEndpoint.HandleAsync)
            .WithName("Predict").WithSummary("Predicts a batch of instances (KServe v1).")
            .AddEndpointFilter(new ApiKeyFilter(ApiKeyScope.Predict));
        models.MapPost("/{model}/feedback", FeedbackEndpoint.HandleAsync)
            .WithName("Feedback").WithSummary("Stores labels for earlier predictions; 2xx only once committed.")
            .AddEndpointFilter(new ApiKeyFilter(ApiKeyScope.Feedback));
        models.MapPut("/{model}/reference", ReferenceEndpoint.HandleAsync)
            .WithName("ReplaceReference").WithSummary("Replaces the model's reference data (admin).")
            .AddEndpointFilter(new ApiKeyFilter(ApiKeyScope.Admin));
        models.MapPost("/{model}/reload", ReloadEndpoint.HandleAsync)
            .WithName("ReloadModel").WithSummary("Re-reads the model from its configured files and swaps it in (admin).")
            .AddEndpointFilter(new ApiKeyFilter(ApiKeyScope.Admin));
        models.MapDriftMonitoring();
        return models;
    }

    /// <summary>Maps the Prometheus scrape endpoint, guarded by the metrics API keys when configured.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The path.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapDriftWatchMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(pattern, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            var refusal = context.RequestServices.GetRequiredService<ApiKeys>().Check(ApiKeyScope.Metrics, context);
            if (refusal is null)
            {
                await next(context);
            }
            else
            {
                await refusal.ExecuteAsync(context);
            }
        }), optionsName: null);
    }
}
