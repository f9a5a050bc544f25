namespace DriftWatch.Integrity;

/// <summary>A data-integrity fault found in the current window.</summary>
/// <param name="Kind">The kind of fault.</param>
/// <param name="Features">The features at fault (two for swapped columns, one otherwise).</param>
/// <param name="Share">The share of window rows affected (for swapped columns: 1 − the larger cross-match distance).</param>
/// <param name="ReferenceShare">The share expected from the reference (0 where the reference has none).</param>
/// <param name="Message">A one-line description.</param>
public sealed record IntegrityFault(IntegrityFaultKind Kind, IReadOnlyList<string> Features, double Share, double ReferenceShare, string Message);
