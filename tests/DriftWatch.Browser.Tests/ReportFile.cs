using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Reports.Html;

namespace DriftWatch.Browser.Tests;

/// <summary>Writes an HTML drift report to disk: fixed-seed credit-risk-like data (ages and incomes shifted in the
/// current sample), analysed by <see cref="DriftAnalyzer"/> with its automatic method choice.</summary>
internal static class ReportFile
{
    public static (string Path, DriftReport Report) Write(string directory)
    {
        var random = new Random(2026);
        var reference = Make(random, 600, shift: false, "reference.csv");
        var current = Make(random, 500, shift: true, "current.csv");
        var report = DriftAnalyzer.Analyze(reference, current);
        var distributions = ColumnDistributions.Compute(reference, current, report);
        var html = HtmlReportRenderer.Render(report, distributions, new HtmlReportOptions { ReferenceName = reference.Source, CurrentName = current.Source });
        var path = System.IO.Path.Combine(directory, "report.html");
        File.WriteAllText(path, html);
        return (path, report);
    }

    private static Dataset Make(Random random, int n, bool shift, string name)
    {
        var age = new double[n];
        var income = new double[n];
        var ratio = new double[n];
        var employment = new string?[n];
        var device = new string?[n];
        string[] jobs = ["salaried", "self_employed", "unemployed", "retired"];
        string[] devices = ["desktop", "mobile", "tablet"];
        for (var i = 0; i < n; i++)
        {
            age[i] = Math.Round(41 + (shift ? 7 : 0) + (11 * Normal(random)));
            income[i] = Math.Round(Math.Exp(Math.Log(52_000) + (0.45 * Normal(random))) * (shift ? 0.8 : 1.0) / 10) * 10;
            ratio[i] = Math.Round(random.NextDouble() * 0.6, 4);
            employment[i] = jobs[random.Next(shift ? 4 : 2)];
            device[i] = devices[random.Next(3)];
        }

        return new Dataset(name,
        [
            new DatasetColumn("age", ValueKind.Integer, age, null),
            new DatasetColumn("income", ValueKind.Float, income, null),
            new DatasetColumn("debt_to_income", ValueKind.Float, ratio, null),
            new DatasetColumn("employment_type", ValueKind.String, null, employment),
            new DatasetColumn("device_type", ValueKind.String, null, device),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
