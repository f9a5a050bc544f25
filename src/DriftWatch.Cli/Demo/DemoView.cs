using System.Globalization;
using DriftWatch.Monitoring;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Simulation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DriftWatch.Cli.Demo;

/// <summary>What <c>driftwatch demo</c> shows: the act being played and the monitor's latest snapshot.</summary>
internal sealed class DemoView(DriftMonitorRegistry registry, SimulationStats stats, IReadOnlyList<SimulationPhase> phases)
{
    public IRenderable Render()
    {
        var snapshot = Latest();
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Act {stats.Phase + 1}/{phases.Count}: {Markup.Escape(phases[stats.Phase].Title)}[/]");
        table.AddColumns("feature", "method", "score", "drift");
        if (snapshot?.Features is { } report)
        {
            foreach (var c in report.Columns)
            {
                table.AddRow(
                    Markup.Escape(c.Column),
                    c.Result.Method,
                    c.Result.Score.ToString("0.0000", CultureInfo.InvariantCulture),
                    c.Result.Detected ? "[red]DRIFT[/]" : "[green]ok[/]");
            }
        }

        var lines = new List<IRenderable> { table };
        if (snapshot is not null)
        {
            lines.Add(new Markup(Markup.Escape(Summary(snapshot))));
            foreach (var fault in snapshot.Integrity.Faults)
            {
                lines.Add(new Markup($"[yellow]integrity:[/] {Markup.Escape(fault.Message)}"));
            }
        }

        return new Rows(lines);
    }

    public string Line()
    {
        var snapshot = Latest();
        var act = $"act {stats.Phase + 1}/{phases.Count} ({phases[stats.Phase].Title})";
        if (snapshot is null)
        {
            return act;
        }

        var drifted = snapshot.DriftedFeatures;
        var faults = string.Join("; ", snapshot.Integrity.Faults.Select(f => $"{DriftWatch.Integrity.IntegrityFaultKinds.GetName(f.Kind)}: {string.Join("+", f.Features)}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{act} | drifted: {(drifted.Count == 0 ? "none" : string.Join(",", drifted))} | {Summary(snapshot)}{(faults.Length > 0 ? " | integrity: " + faults : string.Empty)}");
    }

    private static string Summary(DriftSnapshot s) => string.Create(
        CultureInfo.InvariantCulture,
        $"rows {s.TotalRows} | dataset drift {(s.Features is { } r ? $"{r.DatasetDrift.Share:P0}{(r.DatasetDrift.Detected ? " DETECTED" : string.Empty)}" : "n/a")} | accuracy {s.Quality.Accuracy:0.000}{(s.Quality.BelowFloor ? " (below floor)" : string.Empty)} | {s.Concept.Detector} detections {s.Concept.Detections}");

    private DriftSnapshot? Latest() => registry.Monitors.FirstOrDefault()?.Latest is { Sequence: > 0 } s ? s : null;
}
