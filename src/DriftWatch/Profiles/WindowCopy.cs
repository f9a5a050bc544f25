using DriftWatch.Data;

namespace DriftWatch.Profiles;

/// <summary>A copy of a <see cref="CountWindow"/>: the feature columns and the model's scores.</summary>
/// <param name="Rows">The feature columns.</param>
/// <param name="Predictions">The scores, one per row (NaN when unknown).</param>
internal sealed record WindowCopy(Dataset Rows, double[] Predictions);
