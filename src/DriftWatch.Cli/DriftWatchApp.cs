using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DriftWatch.Cli;

/// <summary>The <c>driftwatch</c> command line: one line per command below.</summary>
internal static partial class DriftWatchApp
{
    /// <summary>Exit code for bad input (a one-line message on stderr).</summary>
    public const int BadInput = 2;

    public static Task<int> RunAsync(string[] args)
    {
        // Redirected output has no terminal width and Spectre assumes 80 columns; logs read better unwrapped.
        if (!AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Width < 200)
        {
            AnsiConsole.Profile.Width = 200;
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("driftwatch");
            config.PropagateExceptions();
            // Commands register here, one line each.
            config.AddCommand<Report.ReportCommand>("report").WithDescription("Compare a current dataset with a reference: drift per column, JSON and HTML reports.");
            config.AddCommand<Detect.DetectCommand>("detect").WithDescription("Run an online change detector over a stream.");
            config.AddCommand<Serve.ServeCommand>("serve").WithDescription("Run the monitored model service (default model: credit-risk).");
            config.AddBranch("slo", slo => { slo.SetDescription("SLOs as code: Prometheus recording rules and burn-rate alerts from slo.yaml."); slo.AddCommand<Commands.SloGenerateCommand>("generate").WithDescription("Write Prometheus SLO rules (Sloth-compatible) from an slo.yaml spec."); });
            config.AddCommand<Simulation.SimulateCommand>("simulate").WithDescription("Play a drift scenario against a running service.");
            config.AddCommand<Demo.DemoCommand>("demo").WithDescription("Start the service, play a drift story against it live, write the final report.");
        });
        return RunSafelyAsync(app, args);
    }

    private static async Task<int> RunSafelyAsync(CommandApp app, string[] args)
    {
        try
        {
            return await app.RunAsync(args).ConfigureAwait(false);
        }
        catch (CommandParseException ex)
        {
            await Console.Error.WriteLineAsync($"driftwatch: {Describe(ex.Message, args)}").ConfigureAwait(false);
            return BadInput;
        }
        catch (CommandRuntimeException ex)
        {
            await Console.Error.WriteLineAsync($"driftwatch: {Describe(ex.Message, args)}").ConfigureAwait(false);
            return BadInput;
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"driftwatch: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }

    /// <summary>Rewrites Spectre's "Failed to convert 'abc' to Nullable`1." into a line naming the option and the
    /// expected kind of value; other messages pass through.</summary>
    internal static string Describe(string message, IReadOnlyList<string> args)
    {
        var match = ConversionFailure().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var value = match.Groups["value"].Value;
        var kind = match.Groups["type"].Value is "Int32" or "Int64" or "Int16" or "UInt32" or "UInt64" ? "a whole number" : "a number";
        string? option = null;
        for (var i = 0; i < args.Count && option is null; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].EndsWith("=" + value, StringComparison.Ordinal))
            {
                option = args[i][..args[i].IndexOf('=', StringComparison.Ordinal)];
            }
            else if (i > 0 && args[i] == value && args[i - 1].StartsWith('-'))
            {
                option = args[i - 1];
            }
        }

        return option is null ? $"'{value}' is not {kind}." : $"{option} '{value}' is not {kind}.";
    }

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[\w`]+)\.?$")]
    private static partial Regex ConversionFailure();
}
