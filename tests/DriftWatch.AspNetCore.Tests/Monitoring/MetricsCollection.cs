namespace DriftWatch.AspNetCore.Tests.Monitoring;

/// <summary>
/// Tests that read exact metric values run alone: OpenTelemetry subscribes to meters by name process-wide, so
/// hosts started by other tests at the same time would add their series to the scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
