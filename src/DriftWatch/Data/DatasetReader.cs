namespace DriftWatch.Data;

/// <summary>Reads a data file by its extension: <c>.parquet</c> (or <c>.pq</c>) as Parquet, anything else as CSV.</summary>
/// <remarks><threadsafety>Stateless; safe to call from several threads.</threadsafety></remarks>
public static class DatasetReader
{
    /// <summary>Reads a CSV or Parquet file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="progress">Receives the fraction read, from 0 to 1; optional.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DatasetReadException">The file is missing or malformed (the message names the file).</exception>
    public static Task<Dataset> ReadAsync(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsParquet(path)
            ? ParquetDatasetReader.ReadAsync(path, progress, cancellationToken)
            : Task.Run(() => CsvDatasetReader.Read(path, progress, cancellationToken), cancellationToken);
    }

    /// <summary>Gets whether a path names a Parquet file (by extension, case-insensitive).</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> for <c>.parquet</c> and <c>.pq</c>.</returns>
    public static bool IsParquet(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pq", StringComparison.OrdinalIgnoreCase);
}
