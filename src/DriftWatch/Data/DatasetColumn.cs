namespace DriftWatch.Data;

/// <summary>One column of a <see cref="Dataset"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">How the values were stored in the file.</param>
/// <param name="Numbers">For <see cref="ValueKind.Float"/> and <see cref="ValueKind.Integer"/>: the values, NaN where missing
/// (±Inf kept as read); otherwise <see langword="null"/>.</param>
/// <param name="Strings">For <see cref="ValueKind.String"/>: the values, <see langword="null"/> where missing; otherwise
/// <see langword="null"/>.</param>
public sealed record DatasetColumn(string Name, ValueKind Kind, double[]? Numbers, string?[]? Strings)
{
    /// <summary>Gets the number of rows.</summary>
    public int Count => Numbers?.Length ?? Strings?.Length ?? 0;
}
