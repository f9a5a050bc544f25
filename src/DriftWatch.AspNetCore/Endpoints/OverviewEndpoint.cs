using System.Security.Cryptography;
using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Overview;
using DriftWatch.Serving.Monitoring;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>GET /</c>: the overview page; <c>GET /v1/overview</c>: the same data as JSON (what the page refreshes from).</summary>
internal static class OverviewEndpoint
{
    public static IResult Get(HttpContext context, DriftWatchRuntime runtime, DriftMonitorRegistry drift, AlertBoard alerts)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = OverviewPage.ContentSecurityPolicy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return TypedResults.Content(OverviewPage.Render(OverviewBuilder.Build(runtime, drift, alerts), nonce), "text/html; charset=utf-8");
    }

    public static IResult GetJson(HttpContext context, DriftWatchRuntime runtime, DriftMonitorRegistry drift, AlertBoard alerts)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(OverviewBuilder.Build(runtime, drift, alerts));
    }
}
