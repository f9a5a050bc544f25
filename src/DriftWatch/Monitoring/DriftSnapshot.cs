using DriftWatch.Analysis;
using DriftWatch.Integrity;

namespace DriftWatch.Monitoring;

/// <summary>The result of one evaluation of a <see cref="DriftMonitor"/>: immutable, read by exporters and endpoints.</summary>
/// <param name="Sequence">The evaluation number (0 for the empty snapshot before the first evaluation).</param>
/// <param name="EvaluatedAt">When the evaluation ran.</param>
/// <param name="TotalRows">Rows observed since the monitor started.</param>
/// <param name="WindowRows">Rows in the count window.</param>
/// <param name="Features">Per-feature drift and the dataset verdict, in the <c>driftwatch report</c> shape; <see langword="null"/>
/// until the window holds the minimum rows (or when the evaluation failed).</param>
/// <param name="PredictionDrift">The model outputs against the reference predictions, or <see langword="null"/>.</param>
/// <param name="Concept">The online detector on the error stream.</param>
/// <param name="Quality">Model quality over the labelled window.</param>
/// <param name="Integrity">Integrity counters and faults.</param>
/// <param name="TimeWindow">Per-feature binned drift over the time window.</param>
/// <param name="TimeWindowSpan">How long the time window is.</param>
/// <param name="Error">Why the evaluation failed, or <see langword="null"/>.</param>
public sealed record DriftSnapshot(
    long Sequence,
    DateTimeOffset EvaluatedAt,
    long TotalRows,
    int WindowRows,
    DriftReport? Features,
    ColumnDriftResult? PredictionDrift,
    ConceptDriftStatus Concept,
    QualityStatus Quality,
    IntegrityReport Integrity,
    IReadOnlyList<TimeWindowDrift> TimeWindow,
    TimeSpan TimeWindowSpan,
    string? Error)
{
    /// <summary>Gets the window rows the evaluation compared (for rendering distributions), or <see langword="null"/>.</summary>
    public Data.Dataset? Window { get; init; }

    /// <summary>Gets the features detected as drifted in the count window.</summary>
    public IReadOnlyList<string> DriftedFeatures =>
        Features is null ? [] : [.. Features.Columns.Where(c => c.Result.Detected).Select(c => c.Column).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets a value indicating whether the dataset as a whole drifted.</summary>
    public bool DatasetDriftDetected => Features?.DatasetDrift.Detected ?? false;
}
