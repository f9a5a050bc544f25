using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Quality;

namespace DriftWatch.Tests.Analysis;

public sealed class LabelFreeEvaluatorTests
{
    [Fact]
    public void Evaluate_ShiftedWindow_EstimatesRanksAndExplains()
    {
        var (reference, refScores, refLabels) = Rows(new Random(1), 4000, shift: 0);
        var (window, scores, _) = Rows(new Random(2), 1000, shift: 1.5);
        FeatureImportance[] importances = [new("x", 0.3, 0.01), new("noise", 0.0, 0.0)];

        var evaluator = LabelFreeEvaluator.Fit(reference, ["x", "noise"], refScores, refLabels, importances, new LabelFreeOptions { ChunkSize = 500 });
        var report = DriftAnalyzer.Analyze(reference, window, new DriftAnalysisOptions { Methods = ["ks"] });
        var snapshot = evaluator.Evaluate(window, scores, report);

        Assert.Null(snapshot.Error);
        Assert.Equal(1000, snapshot.Rows);
        Assert.NotNull(snapshot.Estimate);
        Assert.NotNull(snapshot.Reconstruction);
        Assert.Equal("x", snapshot.Ranking[0].Feature);
        Assert.True(snapshot.Ranking[0].Detected);
        Assert.StartsWith("x: median ", snapshot.Ranking[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(1.0, snapshot.Ranking[0].ImportanceShare);
    }

    [Fact]
    public void Fit_WithoutLabels_ReportsWhyCbpeIsMissing()
    {
        var (reference, _, _) = Rows(new Random(1), 1000, shift: 0);

        var evaluator = LabelFreeEvaluator.Fit(reference, ["x", "noise"], [], [], options: new LabelFreeOptions { ChunkSize = 250 });
        var snapshot = evaluator.Evaluate(reference, []);

        Assert.Null(evaluator.Cbpe);
        Assert.Null(snapshot.Estimate);
        Assert.Equal("CBPE needs a binary classifier's scores and labelled reference rows.", snapshot.Error);
        Assert.NotNull(snapshot.Reconstruction);
    }

    [Fact]
    public void Evaluate_UnknownScores_LeftOutOfEstimate()
    {
        var (reference, refScores, refLabels) = Rows(new Random(1), 2000, shift: 0);
        var evaluator = LabelFreeEvaluator.Fit(reference, ["x", "noise"], refScores, refLabels, options: new LabelFreeOptions { ChunkSize = 500 });

        var snapshot = evaluator.Evaluate(reference, [0.9, double.NaN, 0.1]);

        Assert.Equal(2, snapshot.Estimate!.Rows);
    }

    private static (Dataset Data, double[] Scores, int[] Labels) Rows(Random random, int n, double shift)
    {
        var x = new double[n];
        var noise = new double[n];
        var scores = new double[n];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (2 * random.NextDouble()) - 1 + shift;
            noise[i] = random.NextDouble();
            var p = 1 / (1 + Math.Exp(-3 * x[i]));
            scores[i] = p;
            labels[i] = random.NextDouble() < p ? 1 : 0;
        }

        return (new Dataset("rows", [new DatasetColumn("x", ValueKind.Float, x, null), new DatasetColumn("noise", ValueKind.Float, noise, null)]), scores, labels);
    }
}
