using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DriftWatch.AspNetCore.Security;

/// <summary>The configured key sets and the check that endpoints and the metrics branch run.</summary>
/// <remarks><threadsafety>Immutable after construction.</threadsafety></remarks>
internal sealed class ApiKeys
{
    private readonly ApiKeySet[] _sets;

    public ApiKeys(IOptions<DriftWatchOptions> options)
    {
        var s = options.Value.Security;
        _sets = [new(s.PredictKeys), new(s.FeedbackKeys), new(s.MetricsKeys), new(s.AdminKeys)];
    }

    /// <summary>Checks a request; on refusal returns the problem to send.</summary>
    /// <param name="scope">The endpoint family.</param>
    /// <param name="context">The request.</param>
    /// <returns><see langword="null"/> when allowed; otherwise a 401 or 403 problem.</returns>
    public IResult? Check(ApiKeyScope scope, HttpContext context)
    {
        var set = _sets[(int)scope];
        if (set.IsEmpty)
        {
            return scope == ApiKeyScope.Admin
                ? Problems.Create(StatusCodes.Status403Forbidden, "Authorization", "Admin operations are disabled: no admin API key is configured (Security:AdminKeys).")
                : null;
        }

        if (set.IsAuthorized(context.Request))
        {
            return null;
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Problems.Create(StatusCodes.Status401Unauthorized, "Authorization", "A valid API key is required: send 'Authorization: Bearer <key>'.");
    }
}
