namespace DriftWatch.Analysis;

/// <summary>How much a model's quality depends on one feature (permutation feature importance).</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Importance">Baseline score minus the mean score with the feature's values shuffled (higher = more important;
/// near 0 or negative = unused).</param>
/// <param name="StandardDeviation">The population standard deviation of the drop over the repeats.</param>
public readonly record struct FeatureImportance(string Feature, double Importance, double StandardDeviation);
