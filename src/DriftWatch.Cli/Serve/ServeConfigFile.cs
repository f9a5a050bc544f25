using System.Globalization;
using System.Text.RegularExpressions;
using DriftWatch.AspNetCore.Alerts;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Monitoring;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DriftWatch.Cli.Serve;

/// <summary>Reads <c>driftwatch.yaml</c> into configuration keys under <c>DriftWatch:</c>.</summary>
/// <remarks>
/// The YAML tree is flattened to <c>DriftWatch:Models:0:Path</c>-style keys so that the service binds it exactly as
/// it binds <c>appsettings.json</c> or environment variables. Keys may be written <c>max_instances</c>,
/// <c>maxInstances</c> or <c>MaxInstances</c>; the keys of the two maps <c>drift: feature_methods:</c> (feature names)
/// and <c>drift: detector_options:</c> (River's option names) are kept as written. Besides the
/// <see cref="DriftWatchOptions"/> sections, <c>drift:</c> (<see cref="DriftMonitorOptions"/>, <c>DriftWatch:Drift</c>)
/// and <c>alerts:</c> (<see cref="AlertsOptions"/>, <c>DriftWatch:Alerts</c>) are accepted. The file is checked here:
/// YAML syntax, unknown keys and values of the wrong type become one-line errors naming the key.
/// </remarks>
internal static partial class ServeConfigFile
{
    private const string DriftSection = "drift";
    private const string AlertsSection = "alerts";

    public static List<KeyValuePair<string, string?>> Read(string path)
    {
        YamlStream yaml = [];
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {ex.Message}", ex);
        }
        catch (YamlException ex)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{path}: line {ex.Start.Line}: {ex.Message}"), ex);
        }

        var settings = new List<KeyValuePair<string, string?>>();
        if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is not YamlScalarNode { Value: null or "" })
        {
            if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new CliException($"{path}: expected a mapping (models:, store:, security:, limits:, monitoring:, drift:, alerts:) at the top.");
            }

            Flatten(root, DriftWatchConstants.SectionName, verbatimKeys: false, settings);
        }

        Check(path, settings);
        return settings;
    }

    private static void Flatten(YamlNode node, string prefix, bool verbatimKeys, List<KeyValuePair<string, string?>> settings)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var written = ((YamlScalarNode)key).Value ?? string.Empty;
                    var name = verbatimKeys
                        ? written
                        : written.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

                    // The keys of these maps are data (feature names, River's option names such as min_window_length),
                    // not option names: they must reach the options exactly as written.
                    var mapOfData = !verbatimKeys
                        && (name.Equals(nameof(DriftMonitorOptions.FeatureMethods), StringComparison.OrdinalIgnoreCase)
                            || name.Equals(nameof(DriftMonitorOptions.DetectorOptions), StringComparison.OrdinalIgnoreCase));
                    Flatten(value, $"{prefix}:{name}", mapOfData, settings);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{prefix}:{i}"), verbatimKeys: false, settings);
                }

                break;
            case YamlScalarNode scalar:
                settings.Add(new(prefix, scalar.Value));
                break;
        }
    }

    private static void Check(string path, List<KeyValuePair<string, string?>> settings)
    {
        // DriftWatchOptions has no Drift or Alerts member: those sections bind to their own options classes
        // (DriftWatch:Drift, DriftWatch:Alerts), so each is checked against its own class.
        var driftPrefix = $"{DriftWatchConstants.SectionName}:{DriftSection}:";
        var alertsPrefix = $"{DriftWatchConstants.SectionName}:{AlertsSection}:";
        var main = settings.Where(p => !IsUnder(p.Key, driftPrefix) && !IsUnder(p.Key, alertsPrefix));
        Bind<DriftWatchOptions>(path, main, DriftWatchConstants.SectionName, string.Empty);
        Bind<DriftMonitorOptions>(path, settings.Where(p => IsUnder(p.Key, driftPrefix)), driftPrefix[..^1], DriftSection + ": ");
        Bind<AlertsOptions>(path, settings.Where(p => IsUnder(p.Key, alertsPrefix)), alertsPrefix[..^1], AlertsSection + ": ");
    }

    private static bool IsUnder(string key, string prefix) => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static void Bind<TOptions>(string path, IEnumerable<KeyValuePair<string, string?>> settings, string section, string where)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        try
        {
            configuration.GetSection(section).Get<TOptions>(o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            var message = ex.Message.Split('\n')[0].Replace("DriftWatch:", string.Empty, StringComparison.Ordinal);
            var unknown = UnknownKeys().Match(message);
            if (unknown.Success)
            {
                message = $"unknown key(s) {unknown.Groups["keys"].Value} in {unknown.Groups["type"].Value}";
            }

            throw new CliException($"{path}: {where}{message}", ex);
        }
    }

    // The binder's own wording for ErrorOnUnknownConfiguration; matched to say it in one plain line.
    [GeneratedRegex(@"properties were not found on the instance of [\w.]*?(?<type>\w+): (?<keys>.+)$")]
    private static partial Regex UnknownKeys();
}
