using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary>Replaces a model's reference data: the body of <c>PUT /v1/models/{model}/reference</c>.</summary>
/// <remarks>
/// Register one implementation in dependency injection. The endpoint has already checked the admin API key and
/// that the model exists; the implementation reads the request (CSV or JSON rows), persists the reference (e.g. in
/// <see cref="Serving.Storage.IStateStore"/>) and returns the response, a problem with a 4xx naming the field for
/// bad input.
/// </remarks>
public interface IReferenceUpdater
{
    /// <summary>Replaces the reference of one model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="context">The request.</param>
    /// <returns>The response.</returns>
    Task<IResult> ReplaceAsync(ServedModel model, HttpContext context);
}
