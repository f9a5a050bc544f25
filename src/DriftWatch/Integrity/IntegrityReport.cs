namespace DriftWatch.Integrity;

/// <summary>The integrity section of a drift snapshot: counters per feature and the faults found in the window.</summary>
/// <param name="Features">Counters per feature, in profile order.</param>
/// <param name="Faults">The faults, most severe kinds first (swapped columns, missing, wrong type, out of range, unseen).</param>
public sealed record IntegrityReport(IReadOnlyList<FeatureIntegrityCounts> Features, IReadOnlyList<IntegrityFault> Faults)
{
    /// <summary>Gets an empty report.</summary>
    public static IntegrityReport Empty { get; } = new([], []);
}
