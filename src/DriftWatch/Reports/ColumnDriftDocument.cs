namespace DriftWatch.Reports;

/// <summary>The JSON shape of one column's result under one method.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Type"><c>numerical</c> or <c>categorical</c>.</param>
/// <param name="Method">The method's registry name, e.g. <c>ks</c>.</param>
/// <param name="Statistic">The statistic or distance; <see langword="null"/> where the method has none or it is not finite.</param>
/// <param name="PValue">The p-value; <see langword="null"/> for distances or when not finite.</param>
/// <param name="Score">The drift score (p-value for tests, distance for distances); <see langword="null"/> when not finite.</param>
/// <param name="Threshold">The threshold the score was compared with.</param>
/// <param name="Detected">Whether drift was detected.</param>
/// <param name="Missing">Missing values in the current data.</param>
public sealed record ColumnDriftDocument(
    string Column,
    string Type,
    string Method,
    double? Statistic,
    double? PValue,
    double? Score,
    double? Threshold,
    bool Detected,
    int Missing);
