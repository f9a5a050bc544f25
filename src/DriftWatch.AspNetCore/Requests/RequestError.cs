namespace DriftWatch.AspNetCore.Requests;

/// <summary>Why a request was refused: becomes an RFC 9457 problem naming the field.</summary>
/// <param name="Status">The HTTP status (4xx).</param>
/// <param name="Reason">The <c>reason</c> label of <c>driftwatch_prediction_errors_total</c> (a fixed word).</param>
/// <param name="Field">The offending field, e.g. <c>instances[3].age</c> (or <c>body</c>).</param>
/// <param name="Detail">A one-line explanation.</param>
/// <param name="ViolationKind">An input violation kind to count, or -1.</param>
/// <param name="Feature">The schema index of the offending feature when the violation belongs to one (a value of the wrong
/// type), or -1; never set from a name the schema does not have, so per-feature counts stay bounded by the schema.</param>
internal sealed record RequestError(int Status, string Reason, string Field, string Detail, int ViolationKind = -1, int Feature = -1);
