using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DriftWatch.Slo;

/// <summary>A Prometheus rule file (<c>groups:</c>) and its YAML rendering.</summary>
internal sealed class PrometheusRuleFile
{
    /// <summary>Gets the rule groups.</summary>
    public List<PrometheusRuleGroup> Groups { get; } = [];

    /// <summary>Renders the file as YAML, deterministically (labels sorted, null fields omitted).</summary>
    /// <param name="header">Comment lines written first, without the leading <c>#</c>.</param>
    /// <returns>The YAML text with <c>\n</c> line endings.</returns>
    public string ToYaml(IEnumerable<string> header)
    {
        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .WithNewLine("\n")
            .DisableAliases()
            .Build();
        var comments = string.Concat(header.Select(line => $"# {line}\n"));
        return comments + serializer.Serialize(this);
    }
}
