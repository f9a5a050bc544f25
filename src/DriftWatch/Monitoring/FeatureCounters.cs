namespace DriftWatch.Monitoring;

/// <summary>Cumulative counters of one feature since the monitor started: what Prometheus counters export.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Bins">Numeric: observations per profile bin (not cumulative; bin i is (edge[i−1], edge[i]]).
/// Categorical: observations per profile category, then one slot for categories the reference never had.</param>
/// <param name="Missing">Missing values.</param>
/// <param name="OutOfRange">Numeric values outside the reference range.</param>
/// <param name="UnseenCategory">Categories the reference never had.</param>
/// <param name="WrongType">Values of the wrong type reported by the request parser.</param>
public sealed record FeatureCounters(string Feature, IReadOnlyList<long> Bins, long Missing, long OutOfRange, long UnseenCategory, long WrongType);
