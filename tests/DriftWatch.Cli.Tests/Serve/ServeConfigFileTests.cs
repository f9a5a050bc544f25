using DriftWatch.AspNetCore.Alerts;
using DriftWatch.Cli.Serve;
using DriftWatch.Monitoring;
using Microsoft.Extensions.Configuration;

namespace DriftWatch.Cli.Tests.Serve;

public sealed class ServeConfigFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-yaml-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Read_FullFile_FlattensToConfigurationKeys()
    {
        var path = Write("""
            models:
              - name: credit-risk
                type: builtin
            store:
              provider: sqlite
              path: /tmp/x.db
              max_rows: 5000
            security:
              admin_keys: [abcdefghijklmnopqrstuvwxyz]
            limits:
              maxInstances: 10
            monitoring:
              enabled: false
            """);

        var settings = ServeConfigFile.Read(path).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("credit-risk", settings["DriftWatch:models:0:name"]);
        Assert.Equal("5000", settings["DriftWatch:store:maxrows"]);
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", settings["DriftWatch:security:adminkeys:0"]);
        Assert.Equal("10", settings["DriftWatch:limits:maxInstances"]);
        Assert.Equal("false", settings["DriftWatch:monitoring:enabled"]);
    }

    [Fact]
    public void Read_DriftAndAlertsSections_BindToTheirOptionsWithMapKeysAsWritten()
    {
        var path = Write("""
            drift:
              window_size: 700
              minimum_rows: 100
              evaluation_interval: 00:00:05
              feature_methods:
                debt_to_income: ks
              detector: adwin
              detector_options:
                min_window_length: 10
            alerts:
              keys: ["0123456789abcdef0123"]
              max_firing: 50
            """);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ServeConfigFile.Read(path)).Build();
        var drift = configuration.GetSection("DriftWatch:Drift").Get<DriftMonitorOptions>()!;
        var alerts = configuration.GetSection(AlertsOptions.SectionName).Get<AlertsOptions>()!;

        Assert.Equal(700, drift.WindowSize);
        Assert.Equal(100, drift.MinimumRows);
        Assert.Equal(TimeSpan.FromSeconds(5), drift.EvaluationInterval);
        Assert.Equal("ks", Assert.Single(drift.FeatureMethods, p => p.Key == "debt_to_income").Value);
        Assert.Equal("10", Assert.Single(drift.DetectorOptions, p => p.Key == "min_window_length").Value);
        Assert.Equal("0123456789abcdef0123", Assert.Single(alerts.Keys));
        Assert.Equal(50, alerts.MaxFiring);
    }

    [Theory]
    [InlineData("drift:\n  window: 5\n", "drift: unknown key(s) 'window' in DriftMonitorOptions")]
    [InlineData("alerts:\n  key: abc\n", "alerts: unknown key(s) 'key' in AlertsOptions")]
    [InlineData("drift:\n  window_size: many\n", "'many'")]
    [InlineData("store:\n  colour: red\n", "unknown key(s) 'colour' in StoreOptions")]
    [InlineData("limits:\n  max_instances: many\n", "'many'")]
    [InlineData("models: [\n", "line")]
    [InlineData("- a\n- b\n", "expected a mapping")]
    public void Read_BadFile_CliExceptionNamingTheProblem(string yaml, string expected)
    {
        var path = Write(yaml);

        var ex = Assert.Throws<CliException>(() => ServeConfigFile.Read(path));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir.FullName, "driftwatch.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
