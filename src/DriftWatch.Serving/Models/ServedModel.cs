using DriftWatch.Data;

namespace DriftWatch.Serving.Models;

/// <summary>A model as the service holds it: the model and, when known, its reference (training) data.</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread.</threadsafety></remarks>
/// <param name="Model">The model.</param>
/// <param name="Reference">The reference dataset (features, and the label column when known), or <see langword="null"/>.</param>
/// <param name="Source">Where the model came from (a file path, or <c>built-in</c>), for diagnostics.</param>
public sealed record ServedModel(IModel Model, Dataset? Reference, string Source)
{
    /// <summary>Gets the model name.</summary>
    public string Name => Model.Name;

    /// <summary>Gets the reference column configured as the label (target).</summary>
    /// <value>The column name, or <see langword="null"/> when none is configured: label-free estimation then reads the
    /// first of <see cref="ReferenceValidator.LabelColumns"/> present in <see cref="Reference"/>.</value>
    public string? LabelColumn { get; init; }
}
