using System.ComponentModel;
using DriftWatch.Slo;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Commands;

/// <summary><c>driftwatch slo generate --spec slo.yaml [--out rules.yml]</c>: SLO spec in, Prometheus rules out.</summary>
internal sealed class SloGenerateCommand : AsyncCommand<SloGenerateCommand.Settings>
{
    /// <summary>The command's options.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Gets or sets the spec file.</summary>
        [CommandOption("--spec <FILE>")]
        [Description("The SLO spec (slo.yaml).")]
        public string? Spec { get; set; }

        /// <summary>Gets or sets the output file; standard output when absent.</summary>
        [CommandOption("--out <FILE>")]
        [Description("Where to write the Prometheus rules (default: standard output).")]
        public string? Out { get; set; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.Spec))
        {
            throw new CliException("slo generate: --spec is required");
        }

        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(settings.Spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{settings.Spec}: {ex.Message}", ex);
        }

        string rules;
        try
        {
            rules = SloRules.Generate(yaml, Path.GetFileName(settings.Spec));
        }
        catch (SloSpecException ex)
        {
            throw new CliException($"{settings.Spec}: {ex.Message}", ex);
        }

        if (settings.Out is null)
        {
            await Console.Out.WriteAsync(rules).ConfigureAwait(false);
            return 0;
        }

        try
        {
            await File.WriteAllTextAsync(settings.Out, rules, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{settings.Out}: {ex.Message}", ex);
        }

        return 0;
    }
}
