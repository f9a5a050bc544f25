using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Analysis;

public sealed class DriftAnalyzerTests
{
    private static DatasetColumn Floats(string name, params double[] values) => new(name, ValueKind.Float, values, null);

    private static DatasetColumn Ints(string name, params double[] values) => new(name, ValueKind.Integer, values, null);

    private static DatasetColumn Text(string name, params string?[] values) => new(name, ValueKind.String, null, values);

    private static Dataset Data(string source, params DatasetColumn[] columns) => new(source, columns);

    private static double[] Repeat(int n, Func<int, double> f) => [.. Enumerable.Range(0, n).Select(f)];

    private static string?[] RepeatText(int n, Func<int, string?> f) => [.. Enumerable.Range(0, n).Select(f)];

    [Fact]
    public void Analyze_OneOffManyLargeColumns_EachAsTheMethodOnFreshSamplesAndInputsUntouched()
    {
        // Large columns (they borrow the workers' sort buffers) of equal and unequal lengths after dropping missing values,
        // so buffers are both reused and replaced; every result must equal the method run on samples of its own.
        var random = new Random(5);
        var sizes = new[] { 70_000, 70_000, 66_000, 70_000, 80_000, 66_000 };
        var refColumns = new DatasetColumn[sizes.Length];
        var curColumns = new DatasetColumn[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            var missing = i is 2 or 5 ? 0.01 : 0.0;
            refColumns[i] = Floats("x" + i, Repeat(sizes[i], _ => random.NextDouble() < missing ? double.NaN : Math.Round(random.NextDouble(), 4)));
            curColumns[i] = Floats("x" + i, Repeat(sizes[i], _ => random.NextDouble() < missing ? double.NaN : Math.Round(random.NextDouble() + (0.002 * i), 4)));
        }

        var before = refColumns.Concat(curColumns).Select(c => c.Numbers!.ToArray()).ToArray();
        string[] methods = ["ks", "wasserstein", "cramer_von_mises", "anderson", "mannw"];
        var options = new DriftAnalysisOptions { Methods = methods, CacheReference = false };

        var report = DriftAnalyzer.Analyze(Data("ref", refColumns), Data("cur", curColumns), options);

        for (var i = 0; i < sizes.Length; i++)
        {
            foreach (var name in methods)
            {
                Assert.True(DriftMethods.TryGet(name, out var method));
                var expected = method.Compute(
                    ColumnSample.FromNumbers(refColumns[i].Numbers), ColumnSample.FromNumbers(curColumns[i].Numbers), DriftProfile.Native, method.DefaultThreshold(DriftProfile.Native));
                var actual = report.Columns.Single(c => c.Column == "x" + i && c.Result.Method == name).Result;
                Assert.Equal(expected, actual);
            }
        }

        Assert.Equal(before, refColumns.Concat(curColumns).Select(c => c.Numbers!));
    }

    [Fact]
    public void Analyze_TextColumnsWithAndWithoutMissing_CountsAsFreshSamples()
    {
        var reference = Data("ref", Text("full", "a", "b", "a", "c"), Text("gaps", "a", null, "b", "b"));
        var current = Data("cur", Text("full", "b", "b", "c", "c"), Text("gaps", null, "a", null, "b"));
        var options = new DriftAnalysisOptions { Methods = ["chisquare"], CacheReference = false };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        Assert.True(DriftMethods.TryGet("chisquare", out var chi));
        foreach (var name in (string[])["full", "gaps"])
        {
            var expected = chi.Compute(
                ColumnSample.FromCategories(reference.Find(name)!.Strings!), ColumnSample.FromCategories(current.Find(name)!.Strings!), DriftProfile.Native, 0.05);
            Assert.Equal(expected, report.Columns.Single(c => c.Column == name).Result);
        }

        Assert.Equal(["a", null, "b", "b"], reference.Find("gaps")!.Strings!);
    }

    [Fact]
    public void Analyze_NoCommonColumns_ThrowsNamingBothFiles()
    {
        var reference = Data("ref.csv", Floats("a", 1, 2));
        var current = Data("cur.csv", Floats("b", 1, 2));

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(reference, current));

        Assert.Equal("ref.csv and cur.csv have no columns in common.", ex.Message);
    }

    [Fact]
    public void Analyze_ColumnEmptyAfterCleaning_ThrowsNamingFileAndColumn()
    {
        var reference = Data("ref.csv", Floats("a", 1, 2, 3));
        var current = Data("cur.csv", Floats("a", double.NaN, double.PositiveInfinity));

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(reference, current));

        Assert.Equal("Column 'a' in cur.csv has no values after dropping missing and infinite ones.", ex.Message);
    }

    [Fact]
    public void Analyze_UnknownMethod_ThrowsNamingMethod()
    {
        var data = Data("ref.csv", Text("a", "x", "y"));
        var options = new DriftAnalysisOptions { Methods = ["nope"] };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(data, data, options));

        Assert.StartsWith("Unknown method 'nope' (known: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MethodNotValidForType_ThrowsNamingColumnAndMethod()
    {
        var data = Data("ref.csv", Floats("income", 1.5, 2.5, 3.5));
        var options = new DriftAnalysisOptions { Methods = ["chisquare"] };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(data, data, options));

        Assert.Equal("Method 'chisquare' does not apply to numerical column 'income'.", ex.Message);
    }

    [Fact]
    public void Analyze_MethodFailure_IsWrappedNamingColumnAndMethod()
    {
        var reference = Data("ref.csv", Text("g", "a", "b", "a"));
        var current = Data("cur.csv", Text("g", "a", "b"));
        var options = new DriftAnalysisOptions { Methods = ["g_test"], Profile = DriftProfile.Evidently };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(reference, current, options));

        Assert.Equal(
            "Column 'g', method 'g_test': g_test under the evidently profile needs reference and current samples of equal size (Evidently compares raw counts), but they have 3 and 2 values; use the native profile.",
            ex.Message);
    }

    [Theory]
    [InlineData("hellinger", DriftProfile.Native)]
    [InlineData("psi", DriftProfile.Evidently)]
    [InlineData("jensenshannon", DriftProfile.Evidently)]
    public void Analyze_ValuesSpanBeyondLargestDouble_EqualWidthMethodThrowsNamingColumnAndMethod(string method, DriftProfile profile)
    {
        // double.MinValue and double.MaxValue are finite (sentinels some pipelines send), but max − min overflows.
        var reference = Data("ref.csv", Floats("income", Repeat(100, i => 1_000 + (10 * i))));
        var current = Data("cur.csv", Floats("income", [.. Repeat(98, i => 1_000 + (10 * i)), double.MinValue, double.MaxValue]));
        var options = new DriftAnalysisOptions { Methods = [method], Profile = profile };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(reference, current, options));

        Assert.Equal(
            $"Column 'income', method '{method}': The values span from -1.7976931348623157E+308 to 1.7976931348623157E+308, a range larger than the largest double, so equal-width bins cannot be built.",
            ex.Message);
    }

    [Fact]
    public void Analyze_TextColumnForcedNumerical_Throws()
    {
        var data = Data("ref.csv", Text("a", "x", "y"));
        var options = new DriftAnalysisOptions { Numerical = new HashSet<string> { "a" } };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(data, data, options));

        Assert.Equal("Column 'a' in ref.csv holds text, so it cannot be numerical.", ex.Message);
    }

    [Fact]
    public void Analyze_OverrideNamesMissingColumn_Throws()
    {
        var data = Data("ref.csv", Text("a", "x", "y"));
        var options = new DriftAnalysisOptions { Categorical = new HashSet<string> { "zz" } };

        var ex = Assert.Throws<DriftAnalysisException>(() => DriftAnalyzer.Analyze(data, data, options));

        Assert.Equal("Column 'zz' is not in ref.csv.", ex.Message);
    }

    [Theory]
    [InlineData(ValueKind.Float, 3, ColumnType.Numerical)]
    [InlineData(ValueKind.Integer, 10, ColumnType.Categorical)]
    [InlineData(ValueKind.Integer, 11, ColumnType.Numerical)]
    public void Analyze_ColumnKinds_InferType(ValueKind kind, int distinct, ColumnType expected)
    {
        var values = Repeat(200, i => i % distinct);
        var data = Data("ref.csv", new DatasetColumn("a", kind, values, null));

        var report = DriftAnalyzer.Analyze(data, data);

        Assert.Equal(expected, Assert.Single(report.Columns).Type);
    }

    [Fact]
    public void Analyze_CategoricalOverride_TreatsFloatsAsCategories()
    {
        var data = Data("ref.csv", Floats("a", Repeat(200, i => i % 50 / 2.0)));
        var options = new DriftAnalysisOptions { Categorical = new HashSet<string> { "a" } };

        var report = DriftAnalyzer.Analyze(data, data, options);

        var column = Assert.Single(report.Columns);
        Assert.Equal(ColumnType.Categorical, column.Type);
        Assert.Equal("chisquare", column.Result.Method);
    }

    [Theory]
    [InlineData(1000, 2, "z")]
    [InlineData(1000, 3, "chisquare")]
    [InlineData(1001, 2, "jensenshannon")]
    [InlineData(1001, 30, "jensenshannon")]
    public void Analyze_CategoricalColumn_ChoosesEvidentlyMethod(int n, int categories, string expected)
    {
        var reference = Data("ref.csv", Text("c", RepeatText(n, i => "k" + (i % categories))));
        var current = Data("cur.csv", Text("c", RepeatText(500, i => "k" + (i % categories))));

        var report = DriftAnalyzer.Analyze(reference, current);

        Assert.Equal(expected, Assert.Single(report.Columns).Result.Method);
    }

    [Theory]
    [InlineData(1000, 2, "z")]
    [InlineData(1000, 5, "chisquare")]
    [InlineData(1000, 6, "ks")]
    [InlineData(1001, 5, "jensenshannon")]
    [InlineData(1001, 6, "wasserstein")]
    public void ChooseMethod_NumericalColumn_FollowsEvidentlyRule(int n, int distinct, string expected)
    {
        Assert.Equal(expected, DriftAnalyzer.ChooseMethod(ColumnType.Numerical, n, distinct));
    }

    [Fact]
    public void Analyze_UnionDistinctCount_DrivesChoice()
    {
        // Reference has 2 distinct values, current adds a third: the union (3) picks chisquare, as Evidently does.
        var reference = Data("ref.csv", Floats("a", Repeat(100, i => i % 2)));
        var current = Data("cur.csv", Floats("a", Repeat(100, i => i % 3)));

        var report = DriftAnalyzer.Analyze(reference, current);

        Assert.Equal("chisquare", Assert.Single(report.Columns).Result.Method);
    }

    [Fact]
    public void Analyze_ForcedMethods_OneResultPerColumnAndMethodInColumnOrder()
    {
        var reference = Data("ref.csv", Text("b", "x", "y", "x", "y"), Floats("a", 1, 2, 3, 4), Text("only_ref", "q", "q", "q", "q"));
        var current = Data("cur.csv", Floats("a", 1, 2, 3, 5), Text("b", "x", "y", "y", "y"));
        var options = new DriftAnalysisOptions { Methods = ["psi", "jensenshannon"] };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        Assert.Equal(
            ["b/psi", "b/jensenshannon", "a/psi", "a/jensenshannon"],
            report.Columns.Select(c => c.Column + "/" + c.Result.Method));
        Assert.Equal(2, report.DatasetDrift.Columns);
    }

    [Fact]
    public void Analyze_MissingValues_CountedOnCurrentSide()
    {
        var reference = Data("ref.csv", Floats("a", 1, 2, 3, double.NaN), Text("b", "x", null, "y", "x"));
        var current = Data("cur.csv", Floats("a", double.NaN, 2, double.NaN, 4, double.PositiveInfinity), Text("b", null, null, null, "x", "y"));
        var options = new DriftAnalysisOptions { Methods = ["psi"] };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        Assert.Equal([2, 3], report.Columns.Select(c => c.Missing));
        Assert.Equal(4, report.ReferenceRows);
        Assert.Equal(5, report.CurrentRows);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.51, false)]
    public void Analyze_DatasetDriftShare_ComparedAtOrAbove(double share, bool expected)
    {
        var reference = Data("ref.csv", Text("a", RepeatText(200, i => i % 2 == 0 ? "x" : "y")), Text("b", RepeatText(200, i => i % 2 == 0 ? "x" : "y")));
        var current = Data("cur.csv", Text("a", RepeatText(200, i => i % 10 == 0 ? "x" : "y")), Text("b", RepeatText(200, i => i % 2 == 0 ? "x" : "y")));
        var options = new DriftAnalysisOptions { DatasetDriftShare = share };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        Assert.Equal(new DatasetDriftSummary(1, 2, 0.5, share, expected), report.DatasetDrift);
        Assert.True(report.Columns[0].Result.Detected);
        Assert.False(report.Columns[1].Result.Detected);
    }

    [Fact]
    public void Analyze_ThresholdOption_OverridesDefault()
    {
        var data = Data("ref.csv", Text("a", "x", "y", "x"));
        var options = new DriftAnalysisOptions { Methods = ["psi", "chisquare"], Threshold = 0.2 };

        var report = DriftAnalyzer.Analyze(data, data, options);

        Assert.All(report.Columns, c => Assert.Equal(0.2, c.Result.Threshold));
    }

    [Fact]
    public void Analyze_DefaultThresholds_ComeFromMethod()
    {
        var data = Data("ref.csv", Text("a", "x", "y", "x"));
        var options = new DriftAnalysisOptions { Methods = ["psi", "chisquare"] };

        var report = DriftAnalyzer.Analyze(data, data, options);

        Assert.Equal([0.1, 0.05], report.Columns.Select(c => c.Result.Threshold));
    }

    [Fact]
    public void Analyze_SameReferenceObjectTwice_GivesSameResults()
    {
        var random = new Random(7);
        var reference = Data("ref.csv", Floats("a", Repeat(5000, _ => random.NextDouble())));
        var current = Data("cur.csv", Floats("a", Repeat(3000, _ => random.NextDouble() * 1.1)));
        var options = new DriftAnalysisOptions { Methods = ["psi", "hellinger"] };

        var first = DriftAnalyzer.Analyze(reference, current, options);
        var second = DriftAnalyzer.Analyze(reference, current, options);

        Assert.Equal(first.Columns, second.Columns);
    }
}
