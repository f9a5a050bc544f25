using System.Text.RegularExpressions;
using DriftWatch.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DriftWatch.IntegrationTests.Prometheus;

/// <summary>Every alert in deploy/prometheus/rules has a severity, a summary and description, and a RUNBOOK.md section.</summary>
public sealed partial class RunbookTests
{
    private static readonly string Runbook = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "RUNBOOK.md"));

    public static TheoryData<string> Alerts => new(AlertRules().Select(a => a.Name).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Alert_HasSeverityAnnotationsAndRunbookSection(string alert)
    {
        var rule = AlertRules().First(a => a.Name == alert).Node;
        var labels = (YamlMappingNode)rule["labels"];
        var annotations = (YamlMappingNode)rule["annotations"];

        Assert.Matches("^(critical|warning|info|page|ticket)$", ((YamlScalarNode)labels["severity"]).Value!);
        Assert.True(annotations.Children.ContainsKey("summary") && annotations.Children.ContainsKey("description"), alert);
        var heading = alert.EndsWith("BudgetBurn", StringComparison.Ordinal) ? "## SLO error budget burn" : $"## {alert}";
        Assert.Contains($"\n{heading}\n", Runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void RunbookAnchors_PointAtExistingSections()
    {
        var headings = Runbook.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .Select(h => h[3..].ToLowerInvariant().Replace(' ', '-')).ToHashSet(StringComparer.Ordinal);
        var anchors = Directory.GetFiles(RepoPaths.Rules, "*.yml").SelectMany(f => AnchorPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToArray();

        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.Contains(a, headings));
    }

    private static IEnumerable<(string Name, YamlMappingNode Node)> AlertRules()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Rules, "*.yml"))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                yaml.Load(reader);
            }

            foreach (YamlMappingNode group in (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"])
            {
                foreach (YamlMappingNode rule in (YamlSequenceNode)group["rules"])
                {
                    if (rule.Children.TryGetValue("alert", out var name))
                    {
                        yield return (((YamlScalarNode)name).Value!, rule);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"RUNBOOK\.md#([a-z0-9-]+)")]
    private static partial Regex AnchorPattern();
}
