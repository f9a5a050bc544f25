namespace DriftWatch.Cli.Detect;

/// <summary>The outcome of <c>driftwatch detect</c>.</summary>
/// <param name="Detector">The detector name.</param>
/// <param name="N">The number of rows in the stream.</param>
/// <param name="Drifts">The 0-based rows after whose update a drift was signalled.</param>
/// <param name="Warnings">The 0-based rows after whose update the warning flag was on.</param>
/// <param name="Skipped">The number of missing or non-finite values skipped.</param>
internal sealed record DetectResult(string Detector, int N, IReadOnlyList<int> Drifts, IReadOnlyList<int> Warnings, long Skipped);
