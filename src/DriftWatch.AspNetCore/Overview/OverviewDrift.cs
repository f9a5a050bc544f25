namespace DriftWatch.AspNetCore.Overview;

/// <summary>The drift and integrity status of one model, from its latest drift snapshot.</summary>
/// <param name="Evaluated">Whether the monitor has evaluated at least once.</param>
/// <param name="EvaluatedAt">When the latest evaluation ran, or <see langword="null"/> before the first.</param>
/// <param name="WindowRows">Rows in the count window.</param>
/// <param name="DatasetDrift">The dataset verdict, or <see langword="null"/> while the window is too small for one.</param>
/// <param name="DriftShare">The share of drifted features, or <see langword="null"/> without a verdict.</param>
/// <param name="DriftedFeatures">The features detected as drifted.</param>
/// <param name="IntegrityFaults">The integrity faults' messages.</param>
/// <param name="Error">Why the latest evaluation failed, or <see langword="null"/>.</param>
internal sealed record OverviewDrift(
    bool Evaluated,
    DateTimeOffset? EvaluatedAt,
    int WindowRows,
    bool? DatasetDrift,
    double? DriftShare,
    IReadOnlyList<string> DriftedFeatures,
    IReadOnlyList<string> IntegrityFaults,
    string? Error);
