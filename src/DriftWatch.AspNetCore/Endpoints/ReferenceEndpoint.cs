using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>PUT /v1/models/{model}/reference</c> (admin): delegates to the registered <see cref="IReferenceUpdater"/>.</summary>
internal static class ReferenceEndpoint
{
    public static async Task<IResult> HandleAsync(string model, HttpContext context, DriftWatchRuntime runtime)
    {
        if (!runtime.Registry.TryGetModel(model, out var served))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        var updater = context.RequestServices.GetService<IReferenceUpdater>();
        return updater is null
            ? TypedResults.Problem(detail: "Replacing the reference is not available in this service.", statusCode: StatusCodes.Status501NotImplemented)
            : await updater.ReplaceAsync(served, context);
    }
}
