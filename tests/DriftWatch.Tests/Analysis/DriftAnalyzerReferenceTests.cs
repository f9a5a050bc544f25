using System.Text.Json;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;
using DriftWatch.Tests.Statistics;

namespace DriftWatch.Tests.Analysis;

/// <summary>
/// Whole reports with automatic method choice against TestData/analyzer_auto.json (numpy 1.24.2 / scipy 1.10.1,
/// produced by tests/reference/analyzer_auto.py): column types, chosen methods, scores, verdicts, missing counts and the
/// dataset verdict, both profiles.
/// </summary>
public sealed class DriftAnalyzerReferenceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
        ReferenceData.Load("analyzer_auto.json").RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.Ordinal));

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Analyze_AutomaticChoice_MatchesReference(string name)
    {
        var c = Cases.Value[name];
        var expected = c.GetProperty("expected");
        var methods = expected.GetProperty("columns").EnumerateArray().Select(e => e.GetProperty("method").GetString()!).Distinct();
        foreach (var m in methods)
        {
            Assert.SkipUnless(DriftMethods.TryGet(m, out _), $"method '{m}' is not registered yet");
        }

        var (reference, current) = Build(c.GetProperty("columns"));
        var options = new DriftAnalysisOptions { Profile = c.GetProperty("profile").GetString() == "native" ? DriftProfile.Native : DriftProfile.Evidently };

        var report = DriftAnalyzer.Analyze(reference, current, options);

        var columns = expected.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(columns.Length, report.Columns.Count);
        for (var i = 0; i < columns.Length; i++)
        {
            var e = columns[i];
            var actual = report.Columns[i];
            var what = actual.Column + "/" + actual.Result.Method;
            Assert.Equal(e.GetProperty("column").GetString(), actual.Column);
            Assert.Equal(e.GetProperty("type").GetString() == "numerical" ? ColumnType.Numerical : ColumnType.Categorical, actual.Type);
            Assert.Equal(e.GetProperty("method").GetString(), actual.Result.Method);
            Assert.Equal(e.GetProperty("threshold").GetDouble(), actual.Result.Threshold);
            Assert.Equal(e.GetProperty("missing").GetInt32(), actual.Missing);
            Precision.AssertRelative(ReferenceData.Number(e.GetProperty("score"))!.Value, actual.Result.Score, what: what);
            Assert.Equal(e.GetProperty("detected").GetBoolean(), actual.Result.Detected);
            if (actual.Result.Method is not ("ks" or "wasserstein") && ReferenceData.Number(e.GetProperty("p_value")) is { } p)
            {
                Precision.AssertRelative(p, actual.Result.PValue!.Value, what: what + " p");
                Precision.AssertRelative(ReferenceData.Number(e.GetProperty("statistic"))!.Value, actual.Result.Statistic!.Value, what: what + " statistic");
            }
        }

        var drift = expected.GetProperty("dataset_drift");
        Assert.Equal(drift.GetProperty("drifted_columns").GetInt32(), report.DatasetDrift.DriftedColumns);
        Assert.Equal(drift.GetProperty("columns").GetInt32(), report.DatasetDrift.Columns);
        Assert.Equal(drift.GetProperty("share").GetDouble(), report.DatasetDrift.Share);
        Assert.Equal(drift.GetProperty("detected").GetBoolean(), report.DatasetDrift.Detected);
    }

    private static (Dataset Reference, Dataset Current) Build(JsonElement columns)
    {
        var reference = new List<DatasetColumn>();
        var current = new List<DatasetColumn>();
        foreach (var col in columns.EnumerateArray())
        {
            var name = col.GetProperty("name").GetString()!;
            var kind = col.GetProperty("kind").GetString() switch
            {
                "float" => ValueKind.Float,
                "integer" => ValueKind.Integer,
                _ => ValueKind.String,
            };
            var every = col.TryGetProperty("missing_every", out var m) ? m.GetInt32() : 0;
            reference.Add(Column(name, kind, ReferenceData.Materialise(col.GetProperty("reference")), every));
            current.Add(Column(name, kind, ReferenceData.Materialise(col.GetProperty("current")), every));
        }

        return (new Dataset("reference.csv", reference), new Dataset("current.csv", current));
    }

    private static DatasetColumn Column(string name, ValueKind kind, object?[] values, int missingEvery)
    {
        bool Blank(int i) => missingEvery > 0 && i % missingEvery == missingEvery - 1;
        if (kind == ValueKind.String)
        {
            return new DatasetColumn(name, kind, null, [.. values.Select((v, i) => Blank(i) ? null : (string?)v)]);
        }

        return new DatasetColumn(name, kind, [.. values.Select((v, i) => Blank(i) ? double.NaN : (double)v!)], null);
    }
}
