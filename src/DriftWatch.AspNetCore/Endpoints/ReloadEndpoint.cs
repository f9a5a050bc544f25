using DriftWatch.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>POST /v1/models/{model}/reload</c> (admin): re-reads the model from its configured files (see <see cref="ModelReloader"/>).</summary>
internal static class ReloadEndpoint
{
    public static Task<IResult> HandleAsync(string model, HttpContext context, ModelReloader reloader) =>
        reloader.ReloadAsync(model, context.RequestAborted);
}
