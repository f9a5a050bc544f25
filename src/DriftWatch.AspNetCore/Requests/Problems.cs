using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Requests;

/// <summary>RFC 9457 problem responses that name the offending field.</summary>
internal static class Problems
{
    public static IResult Create(int status, string field, string detail) =>
        Create(status, field, detail, new Dictionary<string, string[]> { [field] = [detail] });

    /// <summary>A problem naming one field, with the messages of every field at fault in <c>errors</c>.</summary>
    public static IResult Create(int status, string field, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: Title(status),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = field,
                ["errors"] = errors,
            });

    public static IResult From(RequestError error) => Create(error.Status, error.Field, error.Detail);

    private static string Title(int status) => status switch
    {
        400 => "Invalid request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request body too large",
        415 => "Unsupported media type",
        _ => "Request failed",
    };
}
