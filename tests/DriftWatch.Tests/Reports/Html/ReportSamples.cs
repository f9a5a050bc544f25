using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Reports.Html;

/// <summary>A fixed-seed reference/current pair and a hand-made report over it, for HTML tests.</summary>
internal static class ReportSamples
{
    public static (Dataset Reference, Dataset Current) Datasets()
    {
        var random = new Random(1234);
        return (Make(random, 400, 0.0, "reference.csv"), Make(random, 300, 1.0, "current.csv"));
    }

    public static DriftReport Report() => new(
        DriftProfile.Native,
        400,
        300,
        new DatasetDriftSummary(2, 4, 0.5, 0.5, true),
        [
            new ColumnDriftResult("score", ColumnType.Numerical, new DriftTestResult("ks", 0.04, 0.87, 0.87, 0.05, false), 0),
            new ColumnDriftResult("score", ColumnType.Numerical, new DriftTestResult("psi", 0.012, null, 0.012, 0.1, false), 0),
            new ColumnDriftResult("age", ColumnType.Numerical, new DriftTestResult("ks", 0.31, 1.2e-14, 1.2e-14, 0.05, true), 0),
            new ColumnDriftResult("device", ColumnType.Categorical, new DriftTestResult("chisquare", 1.7, 0.43, 0.43, 0.05, false), 6),
            new ColumnDriftResult("plan", ColumnType.Categorical, new DriftTestResult("jensenshannon", 0.21, null, 0.21, 0.1, true), 0),
        ]);

    private static Dataset Make(Random random, int n, double shift, string name)
    {
        var score = new double[n];
        var age = new double[n];
        var device = new string?[n];
        var plan = new string?[n];
        string[] devices = ["desktop", "mobile", "tablet"];
        for (var i = 0; i < n; i++)
        {
            score[i] = Math.Round(Normal(random), 4);
            age[i] = Math.Round(40 + (8 * shift) + (10 * Normal(random)));
            device[i] = shift > 0 && i % 50 == 0 ? null : devices[random.Next(3)];
            plan[i] = random.NextDouble() < 0.3 + (0.3 * shift) ? "premium" : "basic";
        }

        return new Dataset(name,
        [
            new DatasetColumn("score", ValueKind.Float, score, null),
            new DatasetColumn("age", ValueKind.Integer, age, null),
            new DatasetColumn("device", ValueKind.String, null, device),
            new DatasetColumn("plan", ValueKind.String, null, plan),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
