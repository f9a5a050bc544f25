using DriftWatch.Data;

namespace DriftWatch.Serving.Models;

/// <summary>A reference dataset that fits its model's schema (see <see cref="ReferenceValidator"/>).</summary>
/// <param name="Reference">The dataset to profile: the input itself, unless a numeric feature arrived as numeric text
/// (a Parquet string column), which is then replaced by its numbers.</param>
/// <param name="IgnoredColumns">Columns that are neither schema features nor label or prediction columns, in file order:
/// they are not monitored (worth a warning: a misspelt feature name lands here).</param>
public sealed record ReferenceValidation(Dataset Reference, IReadOnlyList<string> IgnoredColumns);
