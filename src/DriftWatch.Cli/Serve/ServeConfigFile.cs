using System.Globalization;
using DriftWatch.AspNetCore.Configuration;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DriftWatch.Cli.Serve;

/// <summary>Reads <c>driftwatch.yaml</c> into configuration keys under <c>DriftWatch:</c>.</summary>
/// <remarks>
/// The YAML tree is flattened to <c>DriftWatch:Models:0:Path</c>-style keys so that the service binds it exactly as
/// it binds <c>appsettings.json</c> or environment variables. Keys may be written <c>max_instances</c>,
/// <c>maxInstances</c> or <c>MaxInstances</c>. The file is checked here: YAML syntax, unknown keys and values of the
/// wrong type become one-line errors naming the key.
/// </remarks>
internal static class ServeConfigFile
{
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
                throw new CliException($"{path}: expected a mapping (models:, store:, security:, limits:, monitoring:) at the top.");
            }

            Flatten(root, DriftWatchConstants.SectionName, settings);
        }

        Check(path, settings);
        return settings;
    }

    private static void Flatten(YamlNode node, string prefix, List<KeyValuePair<string, string?>> settings)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    Flatten(value, $"{prefix}:{name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)}", settings);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{prefix}:{i}"), settings);
                }

                break;
            case YamlScalarNode scalar:
                settings.Add(new(prefix, scalar.Value));
                break;
        }
    }

    private static void Check(string path, List<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        try
        {
            configuration.GetSection(DriftWatchConstants.SectionName).Get<DriftWatchOptions>(o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            var message = ex.Message.Split('\n')[0].Replace("DriftWatch:", string.Empty, StringComparison.Ordinal);
            throw new CliException($"{path}: {message}", ex);
        }
    }
}
