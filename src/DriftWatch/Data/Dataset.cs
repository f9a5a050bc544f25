namespace DriftWatch.Data;

/// <summary>A table of named columns of equal length, as read from CSV or Parquet.</summary>
/// <param name="Source">Where the data came from (a file name), for error messages.</param>
/// <param name="Columns">The columns, in file order.</param>
public sealed record Dataset(string Source, IReadOnlyList<DatasetColumn> Columns)
{
    /// <summary>Gets the number of rows.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Count;

    /// <summary>Finds a column by name.</summary>
    /// <param name="name">The column name (ordinal comparison).</param>
    /// <returns>The column, or <see langword="null"/>.</returns>
    public DatasetColumn? Find(string name)
    {
        foreach (var c in Columns)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }
}
