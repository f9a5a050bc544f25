namespace DriftWatch.Reports;

/// <summary>The JSON shape of a <see cref="Analysis.DriftReport"/>, as the CLI writes it and the service serves it.</summary>
/// <param name="Profile">The rule book: <c>native</c> or <c>evidently</c>.</param>
/// <param name="ReferenceRows">Rows in the reference.</param>
/// <param name="CurrentRows">Rows in the current data.</param>
/// <param name="DatasetDrift">The dataset-level verdict.</param>
/// <param name="Columns">One entry per column and method.</param>
/// <remarks>Property names are snake_case (see <see cref="DriftReportJsonContext"/>). Embed it in a larger document by
/// declaring a property of this type in your own source-generated context, or write it with
/// <see cref="DriftReportJson.WriteProperties"/>.</remarks>
public sealed record DriftReportDocument(
    string Profile,
    int ReferenceRows,
    int CurrentRows,
    DatasetDriftDocument DatasetDrift,
    IReadOnlyList<ColumnDriftDocument> Columns);
