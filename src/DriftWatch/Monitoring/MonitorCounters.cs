namespace DriftWatch.Monitoring;

/// <summary>A consistent copy of a monitor's cumulative counters.</summary>
/// <param name="Rows">Rows observed.</param>
/// <param name="Features">Per feature, in profile order.</param>
/// <param name="Outcomes">Labelled outcomes observed.</param>
/// <param name="ConceptDriftDetections">Drifts the error-stream detector signalled.</param>
public sealed record MonitorCounters(long Rows, IReadOnlyList<FeatureCounters> Features, long Outcomes, long ConceptDriftDetections);
