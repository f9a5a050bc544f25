using System.ComponentModel;
using System.Globalization;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Simulation;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Simulation;

/// <summary><c>driftwatch simulate</c>: plays a drift scenario against a running service, predictions then delayed labels.</summary>
internal sealed class SimulateCommand : AsyncCommand<SimulateCommand.Settings>
{
    /// <summary>The longest run allowed.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = settings.Resolve();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var simulator = new TrafficSimulator(http, plan.Target, settings.Model, settings.Seed);
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"simulate: {DriftScenarios.GetName(plan.Scenario)} against {plan.Target} for {plan.Duration.TotalSeconds:0.#} s at {settings.Rps:0.##} rows/s (labels after {plan.LabelDelay.TotalSeconds:0.#} s)"));
        await simulator.RunAsync(
            [new SimulationPhase(plan.Scenario, plan.Duration, DriftScenarios.GetName(plan.Scenario))],
            settings.Rps,
            settings.Batch,
            plan.LabelDelay,
            cancellationToken).ConfigureAwait(false);
        var s = simulator.Stats;
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"simulate: {s.Rows} rows in {s.Requests} requests ({s.FailedRequests} failed), {s.Labels} labels, accuracy {(s.Labels == 0 ? "–" : (s.Correct / (double)s.Labels).ToString("0.000", CultureInfo.InvariantCulture))}"));
        if (s.LastError is not null)
        {
            await Console.Error.WriteLineAsync($"simulate: last error: {s.LastError}").ConfigureAwait(false);
        }

        return s.Requests > 0 && s.FailedRequests == s.Requests ? 1 : 0;
    }

    /// <summary>The options of <c>driftwatch simulate</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--target <URL>")]
        [Description("Base URL of the service, e.g. http://127.0.0.1:8080 (loopback only unless --allow-remote).")]
        public string? Target { get; init; }

        [CommandOption("--scenario <NAME>")]
        [Description("none, covariate_shift, concept_drift, gradual_concept_drift, seasonal_device, swapped_columns, blank_field, outliers, correlation_shift.")]
        public string Scenario { get; init; } = "none";

        [CommandOption("--rps <R>")]
        [Description("Rows per second (1 to 2000). Default 50.")]
        public double Rps { get; init; } = 50;

        [CommandOption("--duration <D>")]
        [Description("How long to run: 90, 90s, 2m, 1h (at most 1h). Default 60s.")]
        public string Duration { get; init; } = "60s";

        [CommandOption("--label-delay <S>")]
        [Description("Delay before the true labels are sent as feedback (same forms as --duration). Default 5s.")]
        public string LabelDelay { get; init; } = "5s";

        [CommandOption("--seed <N>")]
        [Description("Generator seed. Default 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--model <NAME>")]
        [Description("Model name. Default credit-risk.")]
        public string Model { get; init; } = "credit-risk";

        [CommandOption("--batch <N>")]
        [Description("Rows per predict request (1 to 100). Default 10.")]
        public int Batch { get; init; } = 10;

        [CommandOption("--allow-remote")]
        [Description("Allow a target that is not a loopback address.")]
        public bool AllowRemote { get; init; }

        /// <summary>Checks the settings and returns the parsed values.</summary>
        public (Uri Target, DriftScenario Scenario, TimeSpan Duration, TimeSpan LabelDelay) Resolve()
        {
            if (string.IsNullOrWhiteSpace(Target))
            {
                throw new CliException("--target is required (e.g. --target http://127.0.0.1:8080).");
            }

            if (!Uri.TryCreate(Target, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliException($"--target '{Target}' is not an http(s) URL.");
            }

            if (!target.IsLoopback && !AllowRemote)
            {
                throw new CliException($"--target '{Target}' is not a loopback address; pass --allow-remote to send traffic to another host.");
            }

            if (!DriftScenarios.TryParse(Scenario, out var scenario))
            {
                throw new CliException($"--scenario '{Scenario}' is unknown; known: {string.Join(", ", DriftScenarios.AllNames)}.");
            }

            if (!double.IsFinite(Rps) || Rps < 1 || Rps > 2_000)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--rps {Rps} must be between 1 and 2000."));
            }

            if (!DurationText.TryParse(Duration, out var duration) || duration <= TimeSpan.Zero || duration > MaxDuration)
            {
                throw new CliException($"--duration '{Duration}' must be a duration above 0 and at most 1h (e.g. 90s, 2m).");
            }

            if (!DurationText.TryParse(LabelDelay, out var delay) || delay > MaxDuration)
            {
                throw new CliException($"--label-delay '{LabelDelay}' must be a duration from 0 to 1h (e.g. 5s).");
            }

            if (Batch is < 1 or > 100)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--batch {Batch} must be between 1 and 100."));
            }

            if (string.IsNullOrWhiteSpace(Model))
            {
                throw new CliException("--model must not be empty.");
            }

            return (target, scenario, duration, delay);
        }
    }
}
