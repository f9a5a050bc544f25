using System.ComponentModel;
using DriftWatch.AspNetCore;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Serve;

/// <summary><c>driftwatch serve</c>: runs the monitored model service until stopped (Ctrl+C or SIGTERM).</summary>
/// <remarks>Without <c>--config</c> it serves the built-in <c>credit-risk</c> model with a SQLite store in the working directory.</remarks>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = settings.Config is null ? null : ServeConfigFile.Read(settings.Config);
        using var host = DriftWatchHost.CreateHostBuilder([$"--urls={settings.Urls}"], config).Build();
        try
        {
            // Validate before starting, so a bad setting is one line rather than the host's start-up failure log.
            _ = host.Services.GetRequiredService<IOptions<DriftWatchOptions>>().Value;
            _ = host.Services.GetService<IOptions<DriftMonitorOptions>>()?.Value;
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException($"{settings.Config ?? "configuration"}: {ex.Failures.First()}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ex.Message, ex);
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{settings.Urls}: {ex.Message}", ex);
        }

        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Options of <c>driftwatch serve</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>Gets or sets the listen URLs.</summary>
        [CommandOption("--urls <URLS>")]
        [Description("Listen URLs, ';'-separated (default http://127.0.0.1:8080).")]
        [DefaultValue("http://127.0.0.1:8080")]
        public string Urls { get; set; } = "http://127.0.0.1:8080";

        /// <summary>Gets or sets the configuration file.</summary>
        [CommandOption("--config <FILE>")]
        [Description("driftwatch.yaml: models, store, API keys, limits, monitoring, drift, alerts.")]
        public string? Config { get; set; }

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate() =>
            Config is not null && !File.Exists(Config)
                ? Spectre.Console.ValidationResult.Error($"{Config}: file not found")
                : Spectre.Console.ValidationResult.Success();
    }
}
