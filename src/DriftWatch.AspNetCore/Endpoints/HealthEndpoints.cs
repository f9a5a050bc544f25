using DriftWatch.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (models loaded and the store answers).</summary>
internal static class HealthEndpoints
{
    public static IResult Live() => TypedResults.Json(new HealthResponse("ok"));

    public static async Task<IResult> ReadyAsync(DriftWatchRuntime runtime, CancellationToken cancellationToken)
    {
        if (!runtime.Registry.IsReady)
        {
            return TypedResults.Json(new HealthResponse("starting"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return await runtime.Store.PingAsync(cancellationToken)
            ? TypedResults.Json(new HealthResponse("ready"))
            : TypedResults.Json(new HealthResponse("store unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
