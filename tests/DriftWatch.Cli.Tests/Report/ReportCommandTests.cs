using System.Text.Json;

namespace DriftWatch.Cli.Tests.Report;

[Collection(ConsoleCollection.Name)]
public sealed class ReportCommandTests
{
    private static readonly string Reference = CliRun.Examples("reference.csv");
    private static readonly string Current = CliRun.Examples("current.csv");

    private static void AssertOneLine(string expected, (int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"driftwatch: {expected}\n", run.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Report_ExamplesWithMethods_WritesJsonAndHtml()
    {
        using var dir = new TempDirectory();
        var json = dir.File("out.json");
        var html = dir.File("out.html");

        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--method", "psi,jensenshannon", "--json", json, "--html", html);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("native", root.GetProperty("profile").GetString());
        Assert.Equal(2000, root.GetProperty("reference_rows").GetInt32());
        Assert.Equal(1500, root.GetProperty("current_rows").GetInt32());
        var entries = root.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(16, entries.Length);
        Assert.Equal(["psi", "jensenshannon"], entries.Take(2).Select(e => e.GetProperty("method").GetString()));
        var drifted = entries.Where(e => e.GetProperty("detected").GetBoolean()).Select(e => e.GetProperty("column").GetString()).Distinct();
        Assert.Equal(["age", "income", "credit_history_months"], drifted);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("chart-histogram", page, StringComparison.Ordinal);
        Assert.Contains("psi bins: reference deciles", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ExamplesAutomaticChoice_ShiftedColumnsDrift()
    {
        using var dir = new TempDirectory();
        var json = dir.File("out.json");

        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--json", json);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var entries = doc.RootElement.GetProperty("columns").EnumerateArray().ToDictionary(e => e.GetProperty("column").GetString()!);
        Assert.Equal(8, entries.Count);
        Assert.Equal("wasserstein", entries["age"].GetProperty("method").GetString());
        Assert.Equal("jensenshannon", entries["device_type"].GetProperty("method").GetString());
        Assert.True(entries["age"].GetProperty("detected").GetBoolean());
        Assert.True(entries["income"].GetProperty("detected").GetBoolean());
        Assert.False(entries["debt_to_income"].GetProperty("detected").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entries["age"].GetProperty("p_value").ValueKind);
        Assert.Equal(32, entries["income"].GetProperty("missing").GetInt32());
    }

    [Fact]
    public async Task Report_NotATerminal_PrintsPlainProgressAndSummary()
    {
        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--method", "psi");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith($"Reading {Reference}: 2000 rows, 8 columns (", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"Reading {Current}: 1500 rows, 8 columns (", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Analysing drift: 8 results (", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dataset drift not detected: 3 of 8 columns drifted", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MissingReferenceFile_OneLineNamingFile()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("nope.csv");

        var run = await CliRun.RunAsync("report", "--reference", missing, "--current", Current);

        AssertOneLine($"{missing}: file not found", run);
    }

    [Fact]
    public async Task Report_RaggedRow_OneLineNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.csv", "age,income\n41,100\n42\n");

        var run = await CliRun.RunAsync("report", "--reference", bad, "--current", Current);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"driftwatch: {bad}: line 3: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Report_NoCommonColumns_OneLineNamingFiles()
    {
        using var dir = new TempDirectory();
        var other = dir.File("other.csv", "x,y\n1,2\n3,4\n");

        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", other);

        AssertOneLine($"{Reference} and {other} have no columns in common.", run);
    }

    [Fact]
    public async Task Report_ColumnEmptyAfterCleaning_OneLineNamingColumnAndFile()
    {
        using var dir = new TempDirectory();
        var reference = dir.File("r.csv", "a,b\n1,x\n2,y\n3,x\n");
        var current = dir.File("c.csv", "a,b\n,x\nnan,y\ninf,x\n");

        var run = await CliRun.RunAsync("report", "--reference", reference, "--current", current, "--method", "psi");

        AssertOneLine($"Column 'a' in {current} has no values after dropping missing and infinite ones.", run);
    }

    [Fact]
    public async Task Report_UnknownMethod_OneLineNamingMethod()
    {
        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--method", "psi,bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("driftwatch: unknown method 'bogus' (known: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Report_MethodInvalidForType_OneLineNamingMethodAndColumn()
    {
        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--method", "ks");

        AssertOneLine("Method 'ks' does not apply to categorical column 'employment_type'.", run);
    }

    [Fact]
    public async Task Report_EvidentlyFisherUnequalSizes_OneLineNamingMethod()
    {
        using var dir = new TempDirectory();
        var reference = dir.File("r.csv", "flag\nyes\nno\nyes\nno\n");
        var current = dir.File("c.csv", "flag\nyes\nyes\nno\n");

        var run = await CliRun.RunAsync("report", "--reference", reference, "--current", current, "--method", "fisher_exact", "--profile", "evidently");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("driftwatch: Column 'flag', method 'fisher_exact': ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Report_UnknownProfile_OneLine()
    {
        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--profile", "scipy");

        AssertOneLine("unknown profile 'scipy' (use native or evidently)", run);
    }

    [Fact]
    public async Task Report_ColumnOptionNamesMissingColumn_OneLineNamingFile()
    {
        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--categorical", "zip");

        AssertOneLine($"{Reference}: no column 'zip' (named by --categorical)", run);
    }

    [Fact]
    public async Task Report_NoReference_OneLine()
    {
        var run = await CliRun.RunAsync("report", "--current", Current);

        AssertOneLine("--reference FILE is required", run);
    }

    [Fact]
    public async Task Report_UnwritableJson_OneLineNamingFile()
    {
        using var dir = new TempDirectory();
        var json = Path.Combine(dir.Path, "no-such-dir", "out.json");

        var run = await CliRun.RunAsync("report", "--reference", Reference, "--current", Current, "--method", "psi", "--json", json);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"driftwatch: {json}: cannot write (", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }
}
