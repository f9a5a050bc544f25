using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Tests.Monitoring;
using DriftWatch.Serving.Generation;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>Values of the wrong JSON type: refused with a 400, and attributed to their feature on /metrics and in the drift snapshot.</summary>
[Collection(MetricsCollection.Name)]
public sealed class WrongTypeTests
{
    private const int AgeAsString = 12;
    private const int EmploymentAsNumber = 3;

    [Fact]
    public async Task Predict_WrongTypeValues_CountedPerFeatureOnMetrics()
    {
        using var service = new DriftService();
        await SendWrongTypesAsync(service);

        var lines = (await service.Client.GetStringAsync("/metrics")).Split('\n');

        Assert.Equal(AgeAsString, Value(lines, "driftwatch_feature_wrong_type_total", "age"));
        Assert.Equal(EmploymentAsNumber, Value(lines, "driftwatch_feature_wrong_type_total", "employment_type"));
        Assert.Equal(0, Value(lines, "driftwatch_feature_wrong_type_total", "income"));
        Assert.Equal(0, Value(lines, "driftwatch_feature_wrong_type_total", "device_type"));
        Assert.Equal(8, lines.Count(l => l.StartsWith("driftwatch_feature_wrong_type_total{", StringComparison.Ordinal)));
        var violations = Assert.Single(lines, l => l.StartsWith("driftwatch_input_violations_total{kind=\"wrong_type\",model=\"credit-risk\"", StringComparison.Ordinal));
        Assert.EndsWith(" " + (AgeAsString + EmploymentAsNumber).ToString(CultureInfo.InvariantCulture), violations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_UnknownFeatureNames_CreateNoFeatureSeries()
    {
        using var service = new DriftService();
        await SendWrongTypesAsync(service);

        var text = await service.Client.GetStringAsync("/metrics");

        Assert.DoesNotContain("shoe_size", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Age\"", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Equal(2, Value(lines, "driftwatch_input_violations_total", kind: "unknown_feature"));
    }

    [Fact]
    public async Task Drift_WrongTypeValues_FaultNamesFeatureThenClearsAfterCleanInterval()
    {
        using var service = new DriftService();
        await service.PredictAsync(new CreditRiskGenerator(311).Generate(200));
        await SendWrongTypesAsync(service);

        var drift = await service.DriftAsync();

        var faults = drift["integrity"]!["faults"]!.AsArray().Where(f => (string)f!["kind"]! == "wrong_type").ToArray();
        Assert.Equal(2, faults.Length);
        var age = Assert.Single(faults, f => (string)f!["features"]![0]! == "age")!;
        Assert.StartsWith("age: 12 values of the wrong type rejected since the last evaluation", (string)age["message"]!, StringComparison.Ordinal);
        Assert.Equal(AgeAsString / (double)(AgeAsString + 200), (double)age["share"]!, 12);
        Assert.Equal(0, (double)age["reference_share"]!);
        var employment = Assert.Single(faults, f => (string)f!["features"]![0]! == "employment_type")!;
        Assert.StartsWith("employment_type: 3 values of the wrong type", (string)employment["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(drift["integrity"]!["faults"]!.AsArray(), f => f!["features"]!.AsArray().Any(n => (string)n! == "shoe_size"));
        var counts = drift["integrity"]!["features"]!.AsArray().ToDictionary(f => (string)f!["feature"]!, f => (long)f!["wrong_type"]!);
        Assert.Equal(AgeAsString, counts["age"]);
        Assert.Equal(EmploymentAsNumber, counts["employment_type"]);
        Assert.All(counts.Where(c => c.Key is not ("age" or "employment_type")), c => Assert.Equal(0, c.Value));

        var html = await service.Client.GetStringAsync("/v1/models/credit-risk/drift?format=html");
        Assert.Contains("age: 12 values of the wrong type rejected", html, StringComparison.Ordinal);

        await service.PredictAsync(new CreditRiskGenerator(312).Generate(100));
        var later = await service.DriftAsync();

        Assert.DoesNotContain(later["integrity"]!["faults"]!.AsArray(), f => (string)f!["kind"]! == "wrong_type");
        Assert.Equal(AgeAsString, later["integrity"]!["features"]!.AsArray().Single(f => (string)f!["feature"]! == "age")!["wrong_type"]!.GetValue<long>());
    }

    [Fact]
    public async Task Drift_OnlyWrongTypeTraffic_FaultWithoutWindowRows()
    {
        using var service = new DriftService();
        await SendWrongTypesAsync(service);

        var drift = await service.DriftAsync();

        Assert.Equal(0, (long)drift["window_rows"]!);
        var age = Assert.Single(drift["integrity"]!["faults"]!.AsArray(), f => (string)f!["features"]![0]! == "age")!;
        Assert.Equal("wrong_type", (string)age["kind"]!);
        Assert.Equal(1.0, (double)age["share"]!);
    }

    private static async Task SendWrongTypesAsync(DriftService service)
    {
        var ageAsString = DriftWatchFactory.Instance().Replace("\"age\":41", "\"age\":\"41\"", StringComparison.Ordinal);
        for (var i = 0; i < AgeAsString; i++)
        {
            await ExpectFieldAsync(service, ageAsString, "instances[0].age");
        }

        var employmentAsNumber = DriftWatchFactory.Instance(employment: "7");
        for (var i = 0; i < EmploymentAsNumber; i++)
        {
            await ExpectFieldAsync(service, employmentAsNumber, "instances[0].employment_type");
        }

        // Names outside the schema are refused as unknown features, whatever their value's type: never a feature label.
        await ExpectFieldAsync(service, """{"shoe_size":"44"}""", "instances[0].shoe_size");
        await ExpectFieldAsync(service, DriftWatchFactory.Instance().Replace("\"age\":41", "\"Age\":true", StringComparison.Ordinal), "instances[0].Age");
    }

    private static async Task ExpectFieldAsync(DriftService service, string instance, string field)
    {
        var response = await service.Client.PostAsync("/v1/models/credit-risk/predict", DriftWatchFactory.Json($$"""{"instances":[{{instance}}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    private static double Value(string[] lines, string name, string? feature = null, string? kind = null)
    {
        var label = feature is null ? $"kind=\"{kind}\"" : $"feature=\"{feature}\"";
        var line = Assert.Single(lines, l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal)
            && l.Contains("model=\"credit-risk\"", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
