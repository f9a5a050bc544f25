using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DriftWatch.Analysis;
using DriftWatch.Multivariate;
using DriftWatch.Quality;

namespace DriftWatch.Tests.Analysis;

/// <summary>The <c>label_free</c> and <c>ranking</c> members written from a hand-built evaluation.</summary>
public sealed class LabelFreeSnapshotJsonTests
{
    [Fact]
    public void WriteProperties_Snapshot_MembersCarryValuesAndOnlyDriftedFeaturesAreRanked()
    {
        var metrics = Enum.GetValues<CbpeMetric>()
            .Select(m => new CbpeMetricEstimate(m, m == CbpeMetric.RocAuc ? double.NaN : 0.8, 0.01, 0.77, 0.83, 0.7, 0.9, m == CbpeMetric.Recall, null))
            .ToList();
        var estimate = new CbpeEstimate(100, new ConfusionMatrix(40, 10, 10, 40), metrics);
        var outlier = new OutlierRow(7, 12.5, [new FeatureContribution("income", 3.2, 0.8)]);
        var reconstruction = new ReconstructionDriftResult(100, 1.4, 0.05, 0.9, 1.2, true, 4.0, 1, [outlier]);
        RankedDrift[] ranking =
        [
            new(1, "income", "wasserstein", 0.4, true, 4, 0.5, 2, "income: median 52k → 71k"),
            new(2, "age", "ks", 0.5, false, 0.2, 0.5, 0.1, "age: median 40 → 40"),
        ];

        var json = Write(new LabelFreeSnapshot(100, estimate, reconstruction, ranking, null));

        var accuracy = json["label_free"]!["estimated"]!["accuracy"]!;
        Assert.Equal(0.8, (double)accuracy["value"]!);
        Assert.Equal(0.77, (double)accuracy["lower"]!);
        Assert.Equal(0.83, (double)accuracy["upper"]!);
        Assert.Equal(0.7, (double)accuracy["threshold_lower"]!);
        Assert.False((bool)accuracy["alert"]!);
        Assert.True((bool)json["label_free"]!["estimated"]!["recall"]!["alert"]!);
        Assert.Null(json["label_free"]!["estimated"]!["roc_auc"]!["value"]);
        var r = json["label_free"]!["reconstruction"]!;
        Assert.Equal(1.4, (double)r["error"]!);
        Assert.True((bool)r["drift_detected"]!);
        Assert.Equal(7, (int)r["outliers"]![0]!["row"]!);
        Assert.Equal("income", (string)r["outliers"]![0]!["unusual_features"]![0]!["feature"]!);
        var ranked = Assert.Single(json["ranking"]!.AsArray());
        Assert.Equal("income", (string)ranked!["feature"]!);
        Assert.Equal("income: median 52k → 71k", (string)ranked["explanation"]!);
        Assert.Equal(2, (double)ranked["weighted_score"]!);
    }

    [Fact]
    public void WriteProperties_NoSnapshot_BothMembersNull()
    {
        var json = Write(null);

        Assert.True(json.ContainsKey("label_free"));
        Assert.Null(json["label_free"]);
        Assert.True(json.ContainsKey("ranking"));
        Assert.Null(json["ranking"]);
    }

    private static JsonObject Write(LabelFreeSnapshot? snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            LabelFreeSnapshotJson.WriteProperties(writer, snapshot);
            writer.WriteEndObject();
        }

        return JsonNode.Parse(Encoding.UTF8.GetString(buffer.ToArray()))!.AsObject();
    }
}
