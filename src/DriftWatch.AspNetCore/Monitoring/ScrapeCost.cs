using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The metric view that keeps costly duplicates out of every scrape.</summary>
/// <remarks>
/// Measured on <c>MetricsScrapeBenchmark</c> (3 models × 50 features, about 3 700 series): the process instrumentation's
/// <c>process.unix.file_descriptor.count</c> lists <c>/proc/self/fd</c> and stats every entry on each scrape, about a
/// quarter of the render's CPU; the runtime's <c>dotnet.process.cpu.time</c> and <c>dotnet.process.memory.working_set</c>
/// read the same figures as <c>process.cpu.time</c> and <c>process.memory.usage</c> (which the dashboards and alerts use)
/// a second time. A dropped instrument is never observed: its callback does not run.
/// </remarks>
internal static class ScrapeCost
{
    private static readonly HashSet<(string Meter, string Instrument)> Dropped =
    [
        ("OpenTelemetry.Instrumentation.Process", "process.unix.file_descriptor.count"),
        ("System.Runtime", "dotnet.process.cpu.time"),
        ("System.Runtime", "dotnet.process.memory.working_set"),
    ];

    /// <summary>Drops the listed instruments; <see langword="null"/> (default handling) for every other one.</summary>
    /// <param name="instrument">The instrument being published.</param>
    /// <returns><see cref="MetricStreamConfiguration.Drop"/> or <see langword="null"/>.</returns>
    public static MetricStreamConfiguration? Drop(Instrument instrument) =>
        Dropped.Contains((instrument.Meter.Name, instrument.Name)) ? MetricStreamConfiguration.Drop : null;
}
