namespace DriftWatch.Multivariate;

/// <summary>How much one feature contributes to a row's reconstruction error.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Residual">The feature's residual (standardised value minus its reconstruction).</param>
/// <param name="Share">The feature's share of the squared error, in [0, 1].</param>
public readonly record struct FeatureContribution(string Feature, double Residual, double Share);
