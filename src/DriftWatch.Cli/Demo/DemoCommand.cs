using System.ComponentModel;
using System.Globalization;
using DriftWatch.AspNetCore;
using DriftWatch.Monitoring;
using DriftWatch.Reports.Html;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Demo;

/// <summary>
/// <c>driftwatch demo</c>: starts the service with the default model on 127.0.0.1 (a free port), plays a story (stable,
/// covariate shift, concept drift, swapped columns), shows what the monitor sees live, writes the final report, and
/// exits (or keeps serving with <c>--keep-serving</c>).
/// </summary>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    private static readonly (DriftScenario Scenario, string Title)[] Story =
    [
        (DriftScenario.None, "stable traffic"),
        (DriftScenario.CovariateShift, "covariate shift: a new market (younger, poorer, mobile)"),
        (DriftScenario.ConceptDrift, "concept drift: a competitor changes who defaults"),
        (DriftScenario.SwappedColumns, "swapped columns: a pipeline swaps age and debt_to_income"),
    ];

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PhaseSeconds is < 1 or > 600)
        {
            throw new CliException("--phase-seconds must be between 1 and 600.");
        }

        if (settings.Rps is < 10 or > 2_000)
        {
            throw new CliException("--rps must be between 10 and 2000.");
        }

        var output = Path.GetFullPath(settings.Output);
        Directory.CreateDirectory(output);
        var database = Path.Combine(output, "demo.db");
        foreach (var file in Directory.GetFiles(output, "demo.db*"))
        {
            File.Delete(file);
        }

        // A small window and a fast evaluation so that each act of the story shows within seconds.
        KeyValuePair<string, string?>[] config =
        [
            new("DriftWatch:Store:Path", database),
            new("DriftWatch:Drift:WindowSize", "1500"),
            new("DriftWatch:Drift:MinimumRows", "300"),
            new("DriftWatch:Drift:EvaluationInterval", "00:00:01"),
            new("DriftWatch:Drift:AccuracyFloor", "0.75"),
            new("Logging:LogLevel:Default", "Warning"),
        ];
        using var host = DriftWatchHost.CreateHostBuilder(["--urls=http://127.0.0.1:0"], config).Build();
        var console = AnsiConsole.Console;
        console.WriteLine("Starting the service with the default credit-risk model (trained at start-up)...");
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var registry = host.Services.GetRequiredService<DriftMonitorRegistry>();
        console.WriteLine($"Service:   {address}/");
        console.WriteLine($"Drift:     {address}/v1/models/credit-risk/drift  (HTML: ?format=html)");
        console.WriteLine($"Metrics:   {address}/metrics");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var simulator = new TrafficSimulator(http, new Uri(address), "credit-risk", settings.Seed);
        var phases = Story.Select(s => new SimulationPhase(s.Scenario, TimeSpan.FromSeconds(settings.PhaseSeconds), s.Title)).ToArray();
        var run = simulator.RunAsync(phases, settings.Rps, 10, TimeSpan.FromSeconds(1), cancellationToken);
        var view = new DemoView(registry, simulator.Stats, phases);
        if (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await console.Live(view.Render()).StartAsync(async live =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(1_000, cancellationToken)).ConfigureAwait(false);
                    live.UpdateTarget(view.Render());
                }
            }).ConfigureAwait(false);
        }
        else
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(Math.Min(5, settings.PhaseSeconds)), cancellationToken)).ConfigureAwait(false);
                console.WriteLine(view.Line());
            }
        }

        await run.ConfigureAwait(false);
        var monitor = registry.Monitors.First();
        var final = monitor.Evaluate();
        console.WriteLine(view.Line());
        var json = Path.Combine(output, "drift-report.json");
        await File.WriteAllTextAsync(json, DriftSnapshotJson.Serialize(final, "credit-risk"), cancellationToken).ConfigureAwait(false);
        console.WriteLine($"Report:    {json}");
        if (final.Features is { } report && final.Window is { } window)
        {
            var html = Path.Combine(output, "drift-report.html");
            await File.WriteAllTextAsync(html, HtmlReportRenderer.Render(report, ColumnDistributions.Compute(monitor.Profile.SampleDataset, window, report)), cancellationToken).ConfigureAwait(false);
            console.WriteLine($"HTML:      {html}");
        }

        if (settings.KeepServing)
        {
            console.WriteLine($"Still serving at {address}/ (Ctrl+C to stop).");
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return simulator.Stats.Rows > 0 ? 0 : 1;
    }

    /// <summary>Options of <c>driftwatch demo</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>Gets or sets how long each act lasts.</summary>
        [CommandOption("--phase-seconds <S>")]
        [Description("Seconds per act (stable, covariate shift, concept drift, swapped columns). Default 35.")]
        public int PhaseSeconds { get; set; } = 35;

        /// <summary>Gets or sets the traffic rate.</summary>
        [CommandOption("--rps <R>")]
        [Description("Rows per second. Default 150.")]
        public int Rps { get; set; } = 150;

        /// <summary>Gets or sets the generator seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("Traffic seed. Default 7.")]
        public int Seed { get; set; } = 7;

        /// <summary>Gets or sets the output folder.</summary>
        [CommandOption("--output <DIR>")]
        [Description("Where the store and the final report go. Default ./driftwatch-demo.")]
        public string Output { get; set; } = "driftwatch-demo";

        /// <summary>Gets or sets a value indicating whether to keep serving after the story.</summary>
        [CommandOption("--keep-serving")]
        [Description("Keep the service running after the story (Ctrl+C stops it).")]
        public bool KeepServing { get; set; }
    }
}
