namespace DriftWatch.AspNetCore.Requests;

/// <summary>Why a request was refused: becomes an RFC 9457 problem naming the field.</summary>
/// <param name="Status">The HTTP status (4xx).</param>
/// <param name="Reason">The <c>reason</c> label of <c>driftwatch_prediction_errors_total</c> (a fixed word).</param>
/// <param name="Field">The offending field, e.g. <c>instances[3].age</c> (or <c>body</c>).</param>
/// <param name="Detail">A one-line explanation.</param>
/// <param name="ViolationKind">An input violation kind to count, or -1.</param>
internal sealed record RequestError(int Status, string Reason, string Field, string Detail, int ViolationKind = -1);
