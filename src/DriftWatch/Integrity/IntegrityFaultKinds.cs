namespace DriftWatch.Integrity;

/// <summary>The snake_case names of <see cref="IntegrityFaultKind"/> values, as they appear in JSON and metric labels.</summary>
public static class IntegrityFaultKinds
{
    /// <summary>Gets the name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, e.g. <c>swapped_columns</c>.</returns>
    public static string GetName(IntegrityFaultKind kind) => kind switch
    {
        IntegrityFaultKind.Missing => "missing",
        IntegrityFaultKind.WrongType => "wrong_type",
        IntegrityFaultKind.OutOfRange => "out_of_range",
        IntegrityFaultKind.UnseenCategory => "unseen_category",
        IntegrityFaultKind.SwappedColumns => "swapped_columns",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown integrity fault kind."),
    };
}
