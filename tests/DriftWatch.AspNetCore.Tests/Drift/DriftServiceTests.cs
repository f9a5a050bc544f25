using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.Serving.Generation;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>Each scenario through the running service (in process, fake clock): the right signals, and only those.</summary>
public sealed class DriftServiceTests
{
    private const int Stable = 5_000;

    [Fact]
    public async Task Service_None20000Rows_NoDriftSignal()
    {
        // Expected false-alarm rate: see docs/live-monitoring.md (distance methods at 0.1 on 5 000-row windows: ~0 per
        // evaluation; the integrity floors are more than 10 standard errors above the noise).
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(301);
        var snapshots = new List<JsonObject>();

        for (var i = 0; i < 4; i++)
        {
            await service.PlayAsync(generator.Generate(5_000));
            snapshots.Add(await service.DriftAsync());
        }

        Assert.All(snapshots, s =>
        {
            Assert.Empty(DriftService.Drifted(s));
            Assert.False((bool)s["dataset_drift"]!["detected"]!);
            Assert.False((bool)s["prediction_drift"]!["detected"]!);
            Assert.Empty(s["integrity"]!["faults"]!.AsArray());
            Assert.Null(s["error"]);
        });
        Assert.Equal(20_000, (long)snapshots[^1]["total_rows"]!);
        Assert.Equal(0, (long)snapshots[^1]["concept_drift"]!["detections"]!);
        Assert.Equal(8, snapshots[^1]["columns"]!.AsArray().Count);
    }

    [Fact]
    public async Task Service_CovariateShift_ShiftedFeaturesAndDatasetDrift()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(302);
        await service.PlayAsync(generator.Generate(Stable));

        await service.PlayAsync(generator.Generate(5_000, DriftScenario.CovariateShift));
        var drift = await service.DriftAsync();

        Assert.Equal(CreditRiskGenerator.ShiftedFeatures(DriftScenario.CovariateShift).Order(), DriftService.Drifted(drift));
        Assert.True((bool)drift["dataset_drift"]!["detected"]!);
    }

    [Fact]
    public async Task Service_ConceptDrift_AccuracyFallsDetectorFiresNoInputDrift()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(303);
        await service.PlayAsync(generator.Generate(Stable));
        var before = await service.DriftAsync();

        await service.PlayAsync(generator.Generate(5_000, DriftScenario.ConceptDrift));
        var after = await service.DriftAsync();

        Assert.True((double)before["quality"]!["accuracy"]! > 0.8);
        Assert.True((double)after["quality"]!["accuracy"]! < 0.7);
        Assert.Equal(0, (long)before["concept_drift"]!["detections"]!);
        Assert.True((long)after["concept_drift"]!["detections"]! >= 1);
        Assert.Empty(DriftService.Drifted(after));
        Assert.False((bool)after["prediction_drift"]!["detected"]!);
        Assert.Empty(after["integrity"]!["faults"]!.AsArray());
    }

    [Fact]
    public async Task Service_SwappedColumns_FaultNamesBothFeatures()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(304);
        await service.PlayAsync(generator.Generate(Stable));

        await service.PlayAsync(generator.Generate(1_000, DriftScenario.SwappedColumns));
        var drift = await service.DriftAsync();

        var swapped = Assert.Single(drift["integrity"]!["faults"]!.AsArray(), f => (string)f!["kind"]! == "swapped_columns")!;
        Assert.Equal(["age", "debt_to_income"], swapped["features"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Service_BlankField_MissingCountsOnThatFeature()
    {
        using var service = new DriftService();
        var generator = new CreditRiskGenerator(305);
        await service.PlayAsync(generator.Generate(Stable));
        var rows = generator.Generate(2_000, DriftScenario.BlankField);

        await service.PlayAsync(rows);
        var drift = await service.DriftAsync();

        var fault = Assert.Single(drift["integrity"]!["faults"]!.AsArray())!;
        Assert.Equal("missing", (string)fault["kind"]!);
        Assert.Equal(["income"], fault["features"]!.AsArray().Select(n => (string)n!));
        var counts = drift["integrity"]!["features"]!.AsArray().ToDictionary(f => (string)f!["feature"]!, f => (long)f!["missing"]!);
        Assert.Equal(rows.Count(r => double.IsNaN(r.Income)), counts["income"]);
        Assert.All(counts.Where(c => c.Key != "income"), c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public async Task Drift_Html_RendersReportWithLiveSection()
    {
        using var service = new DriftService();
        await service.PlayAsync(new CreditRiskGenerator(307).Generate(1_000));

        var response = await service.Client.GetAsync("/v1/models/credit-risk/drift?format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Live monitoring: credit-risk", html, StringComparison.Ordinal);
        Assert.Contains("debt_to_income", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/models/nope/drift", HttpStatusCode.NotFound, "model")]
    [InlineData("/v1/models/credit-risk/drift?format=pdf", HttpStatusCode.BadRequest, "format")]
    public async Task Drift_BadRequest_ProblemNamingField(string url, HttpStatusCode status, string field)
    {
        using var service = new DriftService();

        var response = await service.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(field, (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }
}
