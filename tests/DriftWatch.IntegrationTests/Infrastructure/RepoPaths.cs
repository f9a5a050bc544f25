namespace DriftWatch.IntegrationTests.Infrastructure;

/// <summary>Locates the repository (the directory holding DriftWatch.slnx) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Rules => Path.Combine(Root, "deploy", "prometheus", "rules");

    public static string PromtoolTests => Path.Combine(Root, "deploy", "prometheus", "tests");

    public static string Dashboards => Path.Combine(Root, "deploy", "grafana", "dashboards");

    public static string CliDll => Path.Combine(Root, "artifacts", "bin", "DriftWatch.Cli", "release", "DriftWatch.Cli.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DriftWatch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DriftWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}
