using DriftWatch.Data;
using DriftWatch.Reports.Html;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Reports.Html;

public sealed class ColumnDistributionsTests
{
    private static readonly HashSet<string> Ks = new(["ks"], StringComparer.Ordinal);

    private static DatasetColumn Numbers(params double[] values) => new("x", ValueKind.Float, values, null);

    [Fact]
    public void Deciles_OneToTen_MatchNumpyLinearQuantiles()
    {
        // numpy.quantile(np.arange(1, 11), np.arange(1, 10) / 10) = 1.9, 2.8, ..., 9.1
        var edges = ColumnDistributions.Deciles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        Assert.Equal([1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1], edges, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Deciles_ManyTies_DuplicatesRemoved()
    {
        var edges = ColumnDistributions.Deciles([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);

        // numpy.quantile([0] * 8 + [1] * 2, [0.1, ..., 0.9]) = 0 (x7), 0.2, 1
        Assert.Equal([0.0, 0.2, 1.0], edges, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void CountEqualWidth_EdgeValues_NumpyConvention()
    {
        // numpy.histogram([0, 1, 2, 3, 4], bins=[0, 2, 4]) -> [2, 3]: [0, 2), [2, 4] (last bin closed).
        var counts = ColumnDistributions.CountEqualWidth([0, 1, 2, 3, 4], [0, 2, 4]);

        Assert.Equal([2L, 3L], counts);
    }

    [Fact]
    public void Compute_Ks_MaxDistanceMatchesBruteForce()
    {
        var random = new Random(7);
        var r = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();
        var c = Enumerable.Range(0, 300).Select(_ => Math.Round((random.NextDouble() * 10) + 1, 1)).ToArray();

        var d = ColumnDistributions.Compute("x", ColumnType.Numerical, Numbers(r), Numbers(c), Ks, DriftProfile.Native);

        var (best, at) = (0.0, 0.0);
        foreach (var x in r.Concat(c).Distinct().Order())
        {
            var gap = Math.Abs((r.Count(v => v <= x) / 500.0) - (c.Count(v => v <= x) / 300.0));
            if (gap > best)
            {
                (best, at) = (gap, x);
            }
        }

        Assert.NotNull(d.Cdf);
        Assert.Equal(best, d.Cdf.MaxDistance, 1e-12);
        Assert.Equal(at, d.Cdf.MaxDistanceAt);
        Assert.Equal(best, Math.Abs(d.Cdf.ReferenceAtMax - d.Cdf.CurrentAtMax), 1e-12);
        Assert.Contains(at, d.Cdf.X);
    }

    [Fact]
    public void Compute_NonFiniteValues_Dropped()
    {
        var d = ColumnDistributions.Compute(
            "x", ColumnType.Numerical, Numbers(1, 2, double.NaN, double.PositiveInfinity), Numbers(2, 3, double.NegativeInfinity), Ks, DriftProfile.Native);

        Assert.Equal(2, d.Histogram!.Reference.Sum());
        Assert.Equal(2, d.Histogram.Current.Sum());
        Assert.Equal(1.0, d.Histogram.Edges[0]);
        Assert.Equal(3.0, d.Histogram.Edges[^1]);
    }

    [Fact]
    public void Compute_ReportOfManyColumns_EachAsComputedAloneAndInputsUntouched()
    {
        // Columns of several lengths, some with missing values, share the workers' sort buffers: each picture must be the
        // one its column gets alone (on its finite values), and the datasets' arrays must not be reordered.
        var random = new Random(11);
        var names = Enumerable.Range(0, 7).Select(i => "c" + i).ToArray();
        var refColumns = new DatasetColumn[names.Length];
        var curColumns = new DatasetColumn[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var missing = i % 3 == 0 ? 0.0 : 0.05 * i;
            refColumns[i] = new DatasetColumn(names[i], ValueKind.Float, Draw(random, 3000 + (500 * (i % 2)), 0, missing), null);
            curColumns[i] = new DatasetColumn(names[i], ValueKind.Float, Draw(random, 2500 + (700 * (i % 3)), 0.1 * i, missing), null);
        }

        var reference = new Dataset("ref", refColumns);
        var current = new Dataset("cur", curColumns);
        var before = refColumns.Concat(curColumns).Select(c => c.Numbers!.ToArray()).ToArray();
        var report = DriftWatch.Analysis.DriftAnalyzer.Analyze(
            reference, current, new DriftWatch.Analysis.DriftAnalysisOptions { Methods = ["ks", "psi"], CacheReference = false });

        var all = ColumnDistributions.Compute(reference, current, report);

        var methods = new HashSet<string>(["ks", "psi"], StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var alone = ColumnDistributions.Compute(
                names[i], ColumnType.Numerical, Finite(refColumns[i]), Finite(curColumns[i]), methods, DriftProfile.Native);
            var d = all.Single(x => x.Column == names[i]);
            Assert.Equal(alone.Histogram!.Edges, d.Histogram!.Edges);
            Assert.Equal(alone.Histogram.Reference, d.Histogram.Reference);
            Assert.Equal(alone.Histogram.Current, d.Histogram.Current);
            Assert.Equal(alone.MethodBins!.Reference, d.MethodBins!.Reference);
            Assert.Equal(alone.MethodBins.Current, d.MethodBins.Current);
            Assert.Equal(alone.Cdf!.X, d.Cdf!.X);
            Assert.Equal(alone.Cdf.Reference, d.Cdf.Reference);
            Assert.Equal(alone.Cdf.Current, d.Cdf.Current);
            Assert.Equal(alone.Cdf.MaxDistance, d.Cdf.MaxDistance);
        }

        Assert.Equal(before, refColumns.Concat(curColumns).Select(c => c.Numbers!));
    }

    private static double[] Draw(Random random, int n, double shift, double missing) =>
        [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < missing ? double.NaN : Math.Round(random.NextDouble() + shift, 3))];

    private static DatasetColumn Finite(DatasetColumn column) => Numbers([.. column.Numbers!.Where(double.IsFinite)]);

    [Fact]
    public void Compute_NativePsi_CountsOnReferenceDeciles()
    {
        var r = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var psi = new HashSet<string>(["psi"], StringComparer.Ordinal);

        var d = ColumnDistributions.Compute("x", ColumnType.Numerical, Numbers(r), Numbers(0, 1.9, 1.95, 100), psi, DriftProfile.Native);

        Assert.NotNull(d.MethodBins);
        Assert.Equal(10, d.MethodBins.Labels.Length);
        Assert.Equal("≤ 1.9", d.MethodBins.Labels[0]);
        Assert.Equal("> 9.1", d.MethodBins.Labels[^1]);
        Assert.Equal(Enumerable.Repeat(1L, 10), d.MethodBins.Reference);
        Assert.Equal([2L, 1, 0, 0, 0, 0, 0, 0, 0, 1], d.MethodBins.Current);
        Assert.Null(d.Cdf);
    }

    [Fact]
    public void Compute_EvidentlyPsi_CountsOnSturgesBins()
    {
        // numpy.histogram_bin_edges(concat(arange(25), arange(25)), "sturges") has 7 bins of width 24/7.
        var values = Enumerable.Range(0, 25).Select(i => (double)i).ToArray();
        var psi = new HashSet<string>(["psi"], StringComparer.Ordinal);

        var d = ColumnDistributions.Compute("x", ColumnType.Numerical, Numbers(values), Numbers(values), psi, DriftProfile.Evidently);

        Assert.NotNull(d.MethodBins);
        Assert.Equal(7, d.MethodBins.Labels.Length);
        Assert.Equal("[0, 3.429)", d.MethodBins.Labels[0]);
        Assert.Equal("[20.57, 24]", d.MethodBins.Labels[^1]);
        Assert.Equal([4L, 3, 4, 3, 4, 3, 4], d.MethodBins.Reference);
    }

    [Fact]
    public void Compute_Categorical_CountsPerLabelMostFrequentFirst()
    {
        var r = new DatasetColumn("d", ValueKind.String, null, ["a", "b", "b", null, "c", "b"]);
        var c = new DatasetColumn("d", ValueKind.String, null, ["c", "c", "new"]);

        var d = ColumnDistributions.Compute("d", ColumnType.Categorical, r, c, new HashSet<string>(), DriftProfile.Native);

        // Reference count first, then current count, then the label.
        Assert.Equal(["b", "c", "a", "new"], d.Categories!.Labels);
        Assert.Equal([3L, 1, 1, 0], d.Categories.Reference);
        Assert.Equal([0L, 2, 0, 1], d.Categories.Current);
    }

    [Fact]
    public void Compute_ManyCategories_TailSummedAsOther()
    {
        var r = new DatasetColumn("d", ValueKind.String, null, [.. Enumerable.Range(0, 30).Select(i => $"k{i:00}")]);

        var d = ColumnDistributions.Compute("d", ColumnType.Categorical, r, r, new HashSet<string>(), DriftProfile.Native);

        Assert.Equal(24, d.Categories!.Labels.Length);
        Assert.Equal("other (7 categories)", d.Categories.Labels[^1]);
        Assert.Equal(7L, d.Categories.Reference[^1]);
    }
}
