namespace DriftWatch.Monitoring;

/// <summary>One feature over the time window: binned PSI against the reference at the profile's bins.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Rows">Rows in the time window.</param>
/// <param name="Psi">The population stability index (missing values excluded; unseen categories form one extra bin).</param>
/// <param name="Detected">Whether <paramref name="Psi"/> reached the threshold.</param>
public readonly record struct TimeWindowDrift(string Feature, long Rows, double Psi, bool Detected);
