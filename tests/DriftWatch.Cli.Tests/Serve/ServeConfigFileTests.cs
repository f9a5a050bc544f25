using DriftWatch.Cli.Serve;

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

    [Theory]
    [InlineData("store:\n  colour: red\n", "'colour'")]
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
