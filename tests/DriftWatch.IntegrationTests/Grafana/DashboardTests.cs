using System.Text.Json;
using DriftWatch.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DriftWatch.IntegrationTests.Grafana;

/// <summary>The dashboard JSON has what Grafana file provisioning needs, and every panel explains itself.</summary>
public sealed class DashboardTests
{
    public static TheoryData<string> Dashboards => new(Directory.GetFiles(RepoPaths.Dashboards, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    internal static string DatasourceUid { get; } = ReadDatasourceUid();

    [Fact]
    public void Dashboards_AllFiveAreThere_WithUniqueUids()
    {
        var uids = Directory.GetFiles(RepoPaths.Dashboards, "*.json").Select(f => Load(f).GetProperty("uid").GetString()).ToArray();

        Assert.Equal(["driftwatch-data", "driftwatch-fleet", "driftwatch-model", "driftwatch-service", "driftwatch-slo"], uids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_ProvisioningFields_Present(string file)
    {
        var d = Load(Path.Combine(RepoPaths.Dashboards, file));

        Assert.Matches("^[a-z0-9-]{1,40}$", d.GetProperty("uid").GetString()!);
        Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("title").GetString()));
        Assert.True(d.GetProperty("schemaVersion").GetInt32() >= 36);
        Assert.True(d.GetProperty("panels").GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryPanel_HasDescriptionGridPosAndProvisionedDatasource(string file)
    {
        var d = Load(Path.Combine(RepoPaths.Dashboards, file));

        foreach (var panel in Panels(d).Where(p => p.GetProperty("type").GetString() != "row"))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.True(panel.TryGetProperty("description", out var description) && description.GetString()!.Length >= 60, $"{file}: panel '{title}' lacks a description saying why it is watched");
            var grid = panel.GetProperty("gridPos");
            Assert.InRange(grid.GetProperty("w").GetInt32(), 1, 24);
            Assert.InRange(grid.GetProperty("h").GetInt32(), 1, 40);
            Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
            Assert.Equal(DatasourceUid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToArray();
            Assert.NotEmpty(targets);
            Assert.All(targets, t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), $"{file}: '{title}' has an empty query");
                Assert.Equal(DatasourceUid, t.GetProperty("datasource").GetProperty("uid").GetString());
            });
        }
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_Panels_DoNotOverlap(string file)
    {
        var cells = new HashSet<(int X, int Y)>();

        foreach (var panel in Panels(Load(Path.Combine(RepoPaths.Dashboards, file))))
        {
            var g = panel.GetProperty("gridPos");
            for (var x = g.GetProperty("x").GetInt32(); x < g.GetProperty("x").GetInt32() + g.GetProperty("w").GetInt32(); x++)
            {
                for (var y = g.GetProperty("y").GetInt32(); y < g.GetProperty("y").GetInt32() + g.GetProperty("h").GetInt32(); y++)
                {
                    Assert.True(cells.Add((x, y)), $"{file}: panel '{panel.GetProperty("title").GetString()}' overlaps another at ({x}, {y})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_TemplateVariables_UseTheProvisionedDatasource(string file)
    {
        var d = Load(Path.Combine(RepoPaths.Dashboards, file));

        foreach (var variable in d.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            Assert.Equal(DatasourceUid, variable.GetProperty("datasource").GetProperty("uid").GetString());
        }
    }

    internal static JsonElement Load(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    internal static IEnumerable<JsonElement> Panels(JsonElement dashboard) => dashboard.GetProperty("panels").EnumerateArray();

    private static string ReadDatasourceUid()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Deploy, "grafana", "provisioning", "datasources", "prometheus.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var ds = (YamlMappingNode)((YamlSequenceNode)root["datasources"])[0];
        return ((YamlScalarNode)ds["uid"]).Value!;
    }
}
