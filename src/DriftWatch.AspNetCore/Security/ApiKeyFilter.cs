using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Security;

/// <summary>Endpoint filter that refuses requests without a valid key for its scope.</summary>
internal sealed class ApiKeyFilter(ApiKeyScope scope) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var refusal = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>().Check(scope, context.HttpContext);
        return refusal ?? await next(context);
    }
}
