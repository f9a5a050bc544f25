namespace DriftWatch.Integrity;

/// <summary>The kinds of data-integrity fault, named in snapshots and metrics as in <see cref="IntegrityFaultKinds"/>.</summary>
public enum IntegrityFaultKind
{
    /// <summary><c>missing</c>: a feature is blank or missing more often than in the reference.</summary>
    Missing = 0,

    /// <summary><c>wrong_type</c>: values of the wrong type were sent (counted by the request parser, which rejects them).</summary>
    WrongType = 1,

    /// <summary><c>out_of_range</c>: numeric values outside the reference range.</summary>
    OutOfRange = 2,

    /// <summary><c>unseen_category</c>: categories the reference never had.</summary>
    UnseenCategory = 3,

    /// <summary><c>swapped_columns</c>: two numeric features each match the other's reference much better than their own.</summary>
    SwappedColumns = 4,
}
