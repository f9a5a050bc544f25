using DriftWatch.Slo;

namespace DriftWatch.Tests.Slo;

public sealed class SloRulesTests
{
    private const string Minimal = """
        version: driftwatch.slo/v1
        service: svc
        slos:
          - name: avail
            objective: 99.9
            sli:
              kind: availability
        """;

    [Theory]
    [InlineData("objective: 100", "slo 'avail': objective 100 is out of range (a percentage strictly between 0 and 100, e.g. 99.9)")]
    [InlineData("objective: 0", "slo 'avail': objective 0 is out of range (a percentage strictly between 0 and 100, e.g. 99.9)")]
    [InlineData("objective: -5", "slo 'avail': objective -5 is out of range (a percentage strictly between 0 and 100, e.g. 99.9)")]
    [InlineData("period: 30x", "slo 'avail': period '30x' is not a Prometheus duration such as 30d")]
    [InlineData("period: 6h", "slo 'avail': period '6h' is shorter than 1d")]
    public void Generate_BadObjectiveOrPeriod_ThrowsOneLineNamingTheField(string line, string expected)
    {
        var yaml = Minimal.Replace("objective: 99.9", line.StartsWith("period", StringComparison.Ordinal) ? "objective: 99.9\n    " + line : line, StringComparison.Ordinal);

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Generate_UnknownKind_ThrowsNamingKindAndChoices()
    {
        var yaml = Minimal.Replace("kind: availability", "kind: uptime", StringComparison.Ordinal);

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal(
            "slo 'avail': unknown sli kind 'uptime' (expected one of availability, latency, model_quality, data_quality, freshness, or sli.events)",
            ex.Message);
    }

    [Fact]
    public void Generate_EventsWithoutPlaceholder_ThrowsNamingTheQuery()
    {
        var yaml = Minimal.Replace("kind: availability", """
            events:
                    error_query: sum(rate(errors_total[5m]))
                    total_query: sum(rate(requests_total[{{window}}]))
            """, StringComparison.Ordinal);

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal("slo 'avail': sli.events.error_query has no {{window}} placeholder", ex.Message);
    }

    [Fact]
    public void Generate_LatencyWithoutThreshold_Throws()
    {
        var yaml = Minimal.Replace("kind: availability", "kind: latency", StringComparison.Ordinal);

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal("slo 'avail': sli.threshold must be a positive number of seconds (a histogram bucket bound)", ex.Message);
    }

    [Fact]
    public void Generate_LatencyThresholdNotABucketBound_ThrowsListingTheBounds()
    {
        var yaml = Minimal.Replace("kind: availability", "kind: latency\n      threshold: 0.3", StringComparison.Ordinal);

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal(
            "slo 'avail': sli.threshold 0.3 is not a bucket bound of driftwatch_prediction_duration_seconds (one of 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)",
            ex.Message);
    }

    [Theory]
    [InlineData("0.25", "le=\"0.25\"")]
    [InlineData("5", "le=\"5\"")]
    public void Generate_LatencyThresholdOnABucketBound_SelectsThatBucket(string threshold, string expected)
    {
        var yaml = Minimal.Replace("kind: availability", $"kind: latency\n      threshold: {threshold}", StringComparison.Ordinal);

        var rules = SloRules.Generate(yaml, "slo.yaml");

        Assert.Contains(expected, rules, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnknownField_ThrowsWithLineAndNoNewline()
    {
        var yaml = Minimal + "\n    colour: blue\n";

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.StartsWith("line 8, column 5: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("colour", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Generate_SlaNamesUnknownSlo_Throws()
    {
        var yaml = Minimal + "\nsla:\n  name: gold\n  slos: [avail, speed]\n";

        var ex = Assert.Throws<SloSpecException>(() => SloRules.Generate(yaml, "slo.yaml"));

        Assert.Equal("sla.slos: 'speed' is not an SLO of this spec", ex.Message);
    }

    [Fact]
    public void Generate_ThirtyDays_HasSlothWindowsFactorsAndExactBudget()
    {
        var rules = SloRules.Generate(Minimal, "slo.yaml");

        foreach (var window in new[] { "5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d" })
        {
            Assert.Contains($"record: slo:sli_error:ratio_rate{window}\n", rules, StringComparison.Ordinal);
        }

        Assert.Contains("expr: vector(0.001)\n", rules, StringComparison.Ordinal);
        Assert.Contains("expr: vector(0.999)\n", rules, StringComparison.Ordinal);
        Assert.Contains("slo:sli_error:ratio_rate5m{sloth_id=\"svc-avail\", sloth_service=\"svc\", sloth_slo=\"avail\"} > (14.4 * 0.001)", rules, StringComparison.Ordinal);
        Assert.Contains("slo:sli_error:ratio_rate6h{sloth_id=\"svc-avail\", sloth_service=\"svc\", sloth_slo=\"avail\"} > (6 * 0.001)", rules, StringComparison.Ordinal);
        Assert.Contains("slo:sli_error:ratio_rate1d{sloth_id=\"svc-avail\", sloth_service=\"svc\", sloth_slo=\"avail\"} > (3 * 0.001)", rules, StringComparison.Ordinal);
        Assert.Contains("slo:sli_error:ratio_rate3d{sloth_id=\"svc-avail\", sloth_service=\"svc\", sloth_slo=\"avail\"} > (1 * 0.001)", rules, StringComparison.Ordinal);
        foreach (var record in new[] { "slo:objective:ratio", "slo:error_budget:ratio", "slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio", "sloth_slo_info" })
        {
            Assert.Contains($"record: {record}\n", rules, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_SameSpecTwice_IsByteIdentical()
    {
        Assert.Equal(SloRules.Generate(Minimal, "a.yaml"), SloRules.Generate(Minimal, "a.yaml"));
    }

    [Fact]
    public void Generate_PeriodIncrease_UsesTheWholePeriodWindow()
    {
        var rules = SloRules.Generate(Minimal, "slo.yaml");

        Assert.Contains("[30d])) or vector(0))) / (sum(increase(http_server_request_duration_seconds_count{http_route=\"/v1/models/{model}/predict\"}[30d])))", rules, StringComparison.Ordinal);
    }
}
