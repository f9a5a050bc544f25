using DriftWatch.Analysis;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Analysis;

public sealed class DriftRankingTests
{
    [Fact]
    public void Severity_PValueAtSquareOfThreshold_IsTwo()
    {
        var result = new DriftTestResult("ks", 0.3, 0.0025, 0.0025, 0.05, true);

        Assert.Equal(2, DriftRanking.Severity(result), 1e-12);
    }

    [Fact]
    public void Severity_DistanceTwiceThreshold_IsTwo()
    {
        var result = new DriftTestResult("wasserstein", null, null, 0.2, 0.1, true);

        Assert.Equal(2, DriftRanking.Severity(result), 1e-15);
    }

    [Fact]
    public void Rank_ImportantFeatureWithMilderDrift_RanksFirst()
    {
        ColumnDriftResult[] columns =
        [
            Column("age", new DriftTestResult("ks", 0.3, 0.0025, 0.0025, 0.05, true)),
            Column("income", new DriftTestResult("ks", 0.2, 0.01, 0.01, 0.05, true)),
            Column("device_type", new DriftTestResult("chisquare", 1, 0.5, 0.5, 0.05, false)),
        ];
        FeatureImportance[] importances = [new("age", 0.01, 0), new("income", 0.09, 0), new("device_type", 0.5, 0)];

        var ranking = DriftRanking.Rank(columns, importances, new Dictionary<string, string> { ["income"] = "income: median 52k → 71k" });

        Assert.Equal(["income", "age", "device_type"], ranking.Select(r => r.Feature));
        Assert.Equal(0.09 / 0.6, ranking[0].ImportanceShare, 1e-15);
        Assert.Equal(Math.Log(0.01) / Math.Log(0.05) * 0.15, ranking[0].WeightedScore, 1e-12);
        Assert.Equal("income: median 52k → 71k", ranking[0].Explanation);
        Assert.Null(ranking[1].Explanation);
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_NoImportances_OrdersBySeverity()
    {
        ColumnDriftResult[] columns =
        [
            Column("a", new DriftTestResult("psi", 0.2, null, 0.2, 0.1, true)),
            Column("b", new DriftTestResult("psi", 0.5, null, 0.5, 0.1, true)),
        ];

        var ranking = DriftRanking.Rank(columns);

        Assert.Equal(["b", "a"], ranking.Select(r => r.Feature));
        Assert.All(ranking, r => Assert.Equal(0.5, r.ImportanceShare));
    }

    [Fact]
    public void Rank_SeveralMethodsPerColumn_KeepsMostSevere()
    {
        ColumnDriftResult[] columns =
        [
            Column("a", new DriftTestResult("psi", 0.05, null, 0.05, 0.1, false)),
            Column("a", new DriftTestResult("ks", 0.3, 1e-6, 1e-6, 0.05, true)),
        ];

        var ranking = DriftRanking.Rank(columns);

        Assert.Single(ranking);
        Assert.Equal("ks", ranking[0].Method);
        Assert.True(ranking[0].Detected);
    }

    private static ColumnDriftResult Column(string name, DriftTestResult result) => new(name, ColumnType.Numerical, result, 0);
}
