namespace DriftWatch.Statistics;

/// <summary>How a column's values are compared.</summary>
public enum ColumnType
{
    /// <summary>Ordered real values.</summary>
    Numerical = 0,

    /// <summary>Unordered labels.</summary>
    Categorical = 1,
}
