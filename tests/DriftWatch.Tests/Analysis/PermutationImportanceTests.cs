using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Quality;

namespace DriftWatch.Tests.Analysis;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void Compute_ModelReadsOneFeature_OtherFeatureHasZeroImportance()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var labels = a.Select(v => v > 0.5 ? 1 : 0).ToArray();
        var data = new Dataset("reference", [new DatasetColumn("a", ValueKind.Float, a, null), new DatasetColumn("b", ValueKind.Float, b, null)]);

        var importances = PermutationImportance.Compute(data, ["b", "a"], d => d.Find("a")!.Numbers!, p => ClassificationMetrics.RocAuc(labels, p));

        Assert.Equal("a", importances[0].Feature);
        Assert.True(importances[0].Importance > 0.4, "shuffling a destroys the ranking: AUC 1 → about 0.5");
        Assert.Equal(new FeatureImportance("b", 0, 0), importances[1]);
    }

    [Fact]
    public void Compute_HandWorkedShuffle_IsBaselineMinusPermutedScore()
    {
        double[] a = [1, 2, 3, 4, 5];
        var data = new Dataset("reference", [new DatasetColumn("a", ValueKind.Float, a, null)]);
        var order = new[] { 0, 1, 2, 3, 4 };
        new Random(7).Shuffle(order);
        var expectedMae = order.Select((o, i) => Math.Abs(a[o] - a[i])).Average();

        var importances = PermutationImportance.Compute(
            data, ["a"], d => d.Find("a")!.Numbers!, p => -RegressionMetrics.MeanAbsoluteError(a, p), new PermutationImportanceOptions { Repeats = 1, Seed = 7 });

        Assert.Equal(expectedMae, importances[0].Importance, 1e-15);
        Assert.Equal(0, importances[0].StandardDeviation);
    }

    [Fact]
    public void Compute_CategoricalFeature_IsPermutedToo()
    {
        string?[] kind = [.. Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "x" : "y")];
        var labels = kind.Select(k => k == "x" ? 1 : 0).ToArray();
        var data = new Dataset("reference", [new DatasetColumn("kind", ValueKind.String, null, kind)]);

        var importances = PermutationImportance.Compute(
            data, ["kind"], d => [.. d.Find("kind")!.Strings!.Select(s => s == "x" ? 1.0 : 0.0)], p => ClassificationMetrics.Confusion(labels, [.. p.Select(v => (int)v)]).Accuracy);

        Assert.InRange(importances[0].Importance, 0.35, 0.65);
    }

    [Fact]
    public void Compute_UnknownFeature_ThrowsNamingIt()
    {
        var data = new Dataset("reference.csv", [new DatasetColumn("a", ValueKind.Float, [1.0], null)]);

        var ex = Assert.Throws<DriftAnalysisException>(() => PermutationImportance.Compute(data, ["zz"], d => [0.0], _ => 1));

        Assert.Equal("reference.csv: column 'zz' not found.", ex.Message);
    }
}
