namespace DriftWatch.Serving.Models;

/// <summary>One way a reference dataset does not fit its model's schema (see <see cref="ReferenceValidator"/>).</summary>
/// <param name="Column">The feature column at fault, or <see langword="null"/> for the dataset as a whole (too few rows).</param>
/// <param name="Row">The first offending row, 1-based and counted after the header, or <see langword="null"/>.</param>
/// <param name="Value">The first offending value as written, or <see langword="null"/>.</param>
/// <param name="Count">How many values are at fault (0 when the problem is not about values).</param>
/// <param name="Message">The problem in one sentence, naming the column.</param>
public sealed record ReferenceProblem(string? Column, int? Row, string? Value, int Count, string Message);
