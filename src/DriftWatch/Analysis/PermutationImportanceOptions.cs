using System.ComponentModel.DataAnnotations;

namespace DriftWatch.Analysis;

/// <summary>Options for <see cref="PermutationImportance"/>.</summary>
public sealed class PermutationImportanceOptions
{
    /// <summary>Gets or sets how many times each feature is shuffled.</summary>
    /// <value>The default value is 5 (scikit-learn's <c>n_repeats</c>).</value>
    [Range(1, 1_000)]
    public int Repeats { get; set; } = 5;

    /// <summary>Gets or sets the seed of the shuffles, so importances are reproducible.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;
}
