using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Tests.Drift;
using DriftWatch.Serving.Generation;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>The <c>label_free</c> and <c>ranking</c> sections of <c>GET /v1/models/{model}/drift</c>.</summary>
public sealed class LabelFreeDriftSnapshotTests
{
    [Fact]
    public async Task Drift_CovariateShift_EstimatedAccuracyWithinBoundsAndShiftedFeaturesRankedFirst()
    {
        using var service = new DriftService();
        await service.PredictAsync(new CreditRiskGenerator(311).Generate(3_000, DriftScenario.CovariateShift));

        var drift = await service.DriftAsync();

        var accuracy = drift["label_free"]!["estimated"]!["accuracy"]!;
        var value = (double)accuracy["value"]!;
        Assert.InRange(value, 0, 1);
        Assert.InRange((double)accuracy["lower"]!, 0, value);
        Assert.InRange((double)accuracy["upper"]!, value, 1);
        var reconstruction = drift["label_free"]!["reconstruction"]!;
        Assert.True((double)reconstruction["threshold_lower"]! < (double)reconstruction["threshold_upper"]!);
        Assert.Equal(3_000, (int)reconstruction["rows"]!);

        var shifted = CreditRiskGenerator.ShiftedFeatures(DriftScenario.CovariateShift).ToHashSet(StringComparer.Ordinal);
        var ranking = drift["ranking"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.True(ranking.Count >= shifted.Count, drift["ranking"]!.ToJsonString());
        Assert.All(ranking.Take(shifted.Count), r =>
        {
            Assert.Contains((string)r["feature"]!, shifted);
            Assert.False(string.IsNullOrWhiteSpace((string?)r["explanation"]));
        });
        var scores = ranking.Select(r => (double)r["weighted_score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Drift_NoTraffic_LabelFreeAndRankingNull()
    {
        using var service = new DriftService();

        var drift = await service.DriftAsync();

        Assert.True(drift.ContainsKey("label_free"));
        Assert.Null(drift["label_free"]);
        Assert.True(drift.ContainsKey("ranking"));
        Assert.Null(drift["ranking"]);
    }

    [Fact]
    public async Task DriftHtml_CovariateShift_ShowsRankingWithExplanations()
    {
        using var service = new DriftService();
        await service.PredictAsync(new CreditRiskGenerator(312).Generate(3_000, DriftScenario.CovariateShift));
        var json = await service.DriftAsync();
        var first = json["ranking"]!.AsArray()[0]!;

        var response = await service.Client.GetAsync("/v1/models/credit-risk/drift?format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<section class=\"ranking\">", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode((string)first["explanation"]!), html, StringComparison.Ordinal);
    }
}
