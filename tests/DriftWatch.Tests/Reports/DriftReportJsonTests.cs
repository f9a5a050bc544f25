using System.Text;
using System.Text.Json;
using DriftWatch.Analysis;
using DriftWatch.Reports;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Reports;

public sealed class DriftReportJsonTests
{
    internal static DriftReport Sample() => new(
        DriftProfile.Native,
        1000,
        800,
        new DatasetDriftSummary(2, 4, 0.5, 0.5, true),
        [
            new ColumnDriftResult("age", ColumnType.Numerical, new DriftTestResult("ks", 0.12, 0.003, 0.003, 0.05, true), 0),
            new ColumnDriftResult("income", ColumnType.Numerical, new DriftTestResult("wasserstein", 0.25, null, 0.25, 0.1, true), 3),
            new ColumnDriftResult("device_type", ColumnType.Categorical, new DriftTestResult("chisquare", double.NaN, double.NaN, double.NaN, 0.05, false), 0),
            new ColumnDriftResult("employment_type", ColumnType.Categorical, new DriftTestResult("jensenshannon", 0.0125, null, 0.0125, 0.1, false), 12),
        ]);

    [Fact]
    public void Serialize_SampleReport_MatchesGoldenFile()
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Reports", "report.golden.json"));

        var json = DriftReportJson.Serialize(Sample());

        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Serialize_NaNScores_WrittenAsNull()
    {
        using var doc = JsonDocument.Parse(DriftReportJson.Serialize(Sample(), indented: false));

        var entry = doc.RootElement.GetProperty("columns")[2];

        Assert.Equal(JsonValueKind.Null, entry.GetProperty("statistic").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("p_value").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("score").ValueKind);
        Assert.Equal(0.05, entry.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Serialize_Distance_HasNullPValue()
    {
        using var doc = JsonDocument.Parse(DriftReportJson.Serialize(Sample(), indented: false));

        var entry = doc.RootElement.GetProperty("columns")[1];

        Assert.Equal(
            ["column", "type", "method", "statistic", "p_value", "score", "threshold", "detected", "missing"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("p_value").ValueKind);
        Assert.Equal(0.25, entry.GetProperty("score").GetDouble());
        Assert.Equal(3, entry.GetProperty("missing").GetInt32());
    }

    [Fact]
    public void WriteProperties_InsideCallerObject_EmbedsReportBesideExtraSections()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", "credit-risk");
            DriftReportJson.WriteProperties(writer, Sample());
            writer.WriteStartObject("integrity");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));

        Assert.Equal(
            ["model", "profile", "reference_rows", "current_rows", "dataset_drift", "columns", "integrity"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, doc.RootElement.GetProperty("columns").GetArrayLength());
        Assert.True(doc.RootElement.GetProperty("dataset_drift").GetProperty("detected").GetBoolean());
    }

    [Fact]
    public async Task WriteAsync_Stream_SameAsSerialize()
    {
        using var buffer = new MemoryStream();

        await DriftReportJson.WriteAsync(buffer, Sample(), TestContext.Current.CancellationToken);

        Assert.Equal(DriftReportJson.Serialize(Sample()), Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void ToDocument_EvidentlyProfile_NamesProfile()
    {
        var report = Sample() with { Profile = DriftProfile.Evidently };

        var doc = DriftReportJson.ToDocument(report);

        Assert.Equal("evidently", doc.Profile);
    }
}
