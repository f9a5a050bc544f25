using System.Text.Json;
using DriftWatch.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DriftWatch.IntegrationTests.Grafana;

/// <summary>
/// Docker cannot run here, so the compose file is checked against the configuration the tests do run: it must mount
/// the very files under deploy/ that the Prometheus, Alertmanager and dashboard tests use, and the file_sd targets
/// must name the compose services.
/// </summary>
public sealed class ComposeConsistencyTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    [Theory]
    [InlineData("prometheus", "./prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml")]
    [InlineData("prometheus", "./prometheus/rules", "/etc/prometheus/rules")]
    [InlineData("prometheus", "./prometheus/targets", "/etc/prometheus/targets")]
    [InlineData("alertmanager", "./alertmanager/alertmanager.yml", "/etc/alertmanager/alertmanager.yml")]
    [InlineData("alertmanager", "./alertmanager/webhook-key", "/etc/alertmanager/webhook-key")]
    [InlineData("grafana", "./grafana/provisioning", "/etc/grafana/provisioning")]
    [InlineData("grafana", "./grafana/dashboards", "/var/lib/grafana/dashboards")]
    public void Compose_MountsTheTestedFile(string service, string hostPath, string containerPath)
    {
        var volumes = ((YamlSequenceNode)Service(service)["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToArray();

        Assert.Contains(volumes, v => v.StartsWith($"{hostPath}:{containerPath}", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Deploy, hostPath)) || Directory.Exists(Path.Combine(RepoPaths.Deploy, hostPath)), hostPath);
    }

    [Fact]
    public void Compose_PrometheusRuleGlob_CoversEveryTestedRuleFile()
    {
        var config = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "prometheus", "prometheus.yml"));

        Assert.Contains("  - rules/*.yml", config, StringComparison.Ordinal);
        Assert.Contains("--config.file=/etc/prometheus/prometheus.yml", Commands("prometheus"));
    }

    [Fact]
    public void Compose_EveryServiceHasAHealthCheck()
    {
        foreach (var (name, node) in Services.Children)
        {
            Assert.True(((YamlMappingNode)node).Children.ContainsKey("healthcheck"), $"{((YamlScalarNode)name).Value} has no healthcheck");
        }
    }

    [Fact]
    public void Targets_NameTheComposeServicesAndPorts()
    {
        var driftwatch = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Deploy, "prometheus", "targets", "driftwatch.json"))).RootElement;
        var alertmanager = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Deploy, "prometheus", "targets", "alertmanager.json"))).RootElement;

        Assert.Equal("driftwatch:8080", driftwatch[0].GetProperty("targets")[0].GetString());
        Assert.Equal("alertmanager:9093", alertmanager[0].GetProperty("targets")[0].GetString());
        Assert.Contains("8080:8080", ((YamlSequenceNode)Service("driftwatch")["ports"]).Children.Select(p => ((YamlScalarNode)p).Value));
    }

    [Fact]
    public void Alertmanager_WebhookReceivers_PointAtTheServiceAlertsEndpoint()
    {
        var config = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "alertmanager", "alertmanager.yml"));

        Assert.Equal(3, config.Split("url: http://driftwatch:8080/v1/alerts").Length - 1);
        Assert.Equal(3, config.Split("credentials_file: /etc/alertmanager/webhook-key").Length - 1);
    }

    private static IEnumerable<string> Commands(string service) =>
        ((YamlSequenceNode)Service(service)["command"]).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Deploy, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
