namespace DriftWatch.Tests.Reports.Html;

/// <summary>Compares text with a committed snapshot under TestData/Reports; set DRIFTWATCH_UPDATE_SNAPSHOTS=1 to
/// rewrite the snapshot in the source tree (then review the diff).</summary>
internal static class Snapshot
{
    public static void AssertMatches(string name, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("DRIFTWATCH_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "TestData", "Reports", name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Reports", name);
        Assert.True(File.Exists(path), $"No snapshot {name}: run with DRIFTWATCH_UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DriftWatch.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "DriftWatch.Tests");
    }
}
