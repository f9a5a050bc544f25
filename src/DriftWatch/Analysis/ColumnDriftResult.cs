using DriftWatch.Statistics;

namespace DriftWatch.Analysis;

/// <summary>One column's drift result under one method.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Type">How the column was treated.</param>
/// <param name="Result">The method's outcome.</param>
/// <param name="Missing">Missing values (empty, NaN) in the current data.</param>
public sealed record ColumnDriftResult(string Column, ColumnType Type, DriftTestResult Result, int Missing);
