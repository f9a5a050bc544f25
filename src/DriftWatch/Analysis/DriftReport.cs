using DriftWatch.Statistics;

namespace DriftWatch.Analysis;

/// <summary>The comparison of a current dataset with a reference: per-column results and the dataset verdict.</summary>
/// <param name="Profile">The rule book used.</param>
/// <param name="ReferenceRows">Rows in the reference.</param>
/// <param name="CurrentRows">Rows in the current data.</param>
/// <param name="DatasetDrift">The dataset-level verdict.</param>
/// <param name="Columns">Per-column results, in column order (one per column and method).</param>
public sealed record DriftReport(
    DriftProfile Profile,
    int ReferenceRows,
    int CurrentRows,
    DatasetDriftSummary DatasetDrift,
    IReadOnlyList<ColumnDriftResult> Columns);
