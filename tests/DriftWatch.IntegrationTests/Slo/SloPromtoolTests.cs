using System.Globalization;
using System.Text;
using DriftWatch.IntegrationTests.Infrastructure;
using DriftWatch.Slo;

namespace DriftWatch.IntegrationTests.Slo;

/// <summary>
/// Generated SLO rules under promtool: for each built-in SLI kind and for custom events, a 10% error ratio pages,
/// a 0.4% error ratio opens a ticket only (objective 99.9%: 4x the budget is above the ticket's 3x and 1x but
/// below the page's 6x and 14.4x), and a healthy 0.05% fires nothing.
/// </summary>
public sealed class SloPromtoolTests : IDisposable
{
    private const string Model = "credit-risk";
    private readonly string _dir = Directory.CreateTempSubdirectory("dw-slo-").FullName;

    /// <summary>Per kind: the series for good and bad events (promtool series notation placeholders).</summary>
    public static TheoryData<string> Kinds => new(KindNames);

    private static readonly string[] KindNames = ["availability", "latency", "model_quality", "data_quality", "freshness", "events"];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CheckRules_GeneratedForEveryKind_Passes()
    {
        var rules = WriteRules();

        var result = await Tools.PromtoolAsync("check", "rules", rules);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TestRules_ErrorRatioScenarios_PageTicketOrSilent(string kind)
    {
        WriteRules(kind);
        var test = Path.Combine(_dir, $"{kind}.test.yml");
        await File.WriteAllTextAsync(test, TestFile(kind), TestContext.Current.CancellationToken);

        var result = await Tools.PromtoolAsync("test", "rules", test);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_WrongExpectation_Fails()
    {
        // Guards against a harness that passes whatever it is given: expecting a page at 0.4% must fail.
        WriteRules("availability");
        var test = Path.Combine(_dir, "wrong.test.yml");
        var text = TestFile("availability", pageAtTicketLevel: "[{labels: '{}', value: 1}]");
        await File.WriteAllTextAsync(test, text, TestContext.Current.CancellationToken);

        var result = await Tools.PromtoolAsync("test", "rules", test);

        Assert.NotEqual(0, result.ExitCode);
    }

    private static string Spec(IEnumerable<string> kinds)
    {
        var slos = new StringBuilder();
        foreach (var kind in kinds)
        {
            slos.Append(CultureInfo.InvariantCulture, $"  - name: {kind.Replace('_', '-')}\n    objective: 99.9\n    alerting:\n      name: Burn_{kind}\n    sli:\n");
            slos.Append(kind switch
            {
                "latency" => "      kind: latency\n      threshold: 0.25\n",
                "freshness" => "      kind: freshness\n      delay: 3600\n",
                "events" => "      events:\n        error_query: sum(increase(custom_requests_total{code=\"500\"}[{{window}}]))\n        total_query: sum(increase(custom_requests_total[{{window}}]))\n",
                _ => $"      kind: {kind}\n",
            });
        }

        return $"version: driftwatch.slo/v1\nservice: test\nmodel: {Model}\nslos:\n{slos}";
    }

    private string WriteRules(params string[] kinds)
    {
        var path = Path.Combine(_dir, "slo.rules.yml");
        File.WriteAllText(path, SloRules.Generate(Spec(kinds.Length == 0 ? KindNames : kinds), "test-slo.yaml"));
        return path;
    }

    /// <summary>Series (good, bad) for a kind. With <c>Total</c> set the first series is the good count and the second
    /// the total (histogram count, predictions made); otherwise the two are good and bad events.</summary>
    private static (string Good, string Bad, bool Total) Series(string kind) => kind switch
    {
        "availability" => (
            "http_server_request_duration_seconds_count{http_route=\"/v1/models/{model}/predict\",http_response_status_code=\"200\"}",
            "http_server_request_duration_seconds_count{http_route=\"/v1/models/{model}/predict\",http_response_status_code=\"503\"}",
            false),
        "latency" => ($"driftwatch_prediction_duration_seconds_bucket{{model=\"{Model}\",le=\"0.25\"}}", $"driftwatch_prediction_duration_seconds_count{{model=\"{Model}\"}}", true),
        "freshness" => ($"driftwatch_labelled_predictions_total{{model=\"{Model}\",outcome=\"correct\"}}", $"driftwatch_predictions_total{{model=\"{Model}\"}}", true),
        "model_quality" => ($"driftwatch_labelled_predictions_total{{model=\"{Model}\",outcome=\"correct\"}}", $"driftwatch_labelled_predictions_total{{model=\"{Model}\",outcome=\"incorrect\"}}", false),
        "data_quality" => ($"driftwatch_predictions_total{{model=\"{Model}\"}}", $"driftwatch_input_violations_total{{model=\"{Model}\",kind=\"out_of_range\"}}", false),
        "events" => ("custom_requests_total{code=\"200\"}", "custom_requests_total{code=\"500\"}", false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string TestFile(string kind, string pageAtTicketLevel = "[]")
    {
        var alert = $"Burn_{kind}";
        var slo = kind.Replace('_', '-');
        var text = new StringBuilder("rule_files:\n  - slo.rules.yml\nevaluation_interval: 1h\n");

        // Hourly evaluation is only sound when the alert group sees the recordings of the same instant.
        text.Append(CultureInfo.InvariantCulture, $"group_eval_order:\n  - sloth-slo-sli-recordings-test-{slo}\n  - sloth-slo-meta-recordings-test-{slo}\n  - sloth-slo-alerts-test-{slo}\ntests:\n");

        // 900 steps of 5m = 75h of history, enough for the 3d window; evaluated at 74h so every window starts and
        // ends on a sample and increase() needs no extrapolation. Rules are evaluated hourly (the alerts have no
        // "for", so only the evaluation at 74h matters) to keep promtool fast.
        foreach (var (name, errorPer1000, page, ticket, remaining) in new[]
        {
            ("10%", 100.0, true, true, -99.0),
            ("0.4%", 4.0, false, true, -3.0),
            ("0.05%", 0.5, false, false, 0.5),
        })
        {
            var (good, bad, total) = Series(kind);
            var goodStep = 1000 - errorPer1000;
            var badStep = total ? 1000 : errorPer1000;
            if (kind == "data_quality")
            {
                // Faults over rows served: the first series is the row count, the second the faults.
                (goodStep, badStep) = (1000, errorPer1000);
            }
            text.Append(CultureInfo.InvariantCulture, $"  - name: {kind} at {name} errors\n    interval: 5m\n    input_series:\n");
            text.Append(CultureInfo.InvariantCulture, $"      - series: '{good}'\n        values: '0+{goodStep.ToString(CultureInfo.InvariantCulture)}x900'\n");
            text.Append(CultureInfo.InvariantCulture, $"      - series: '{bad}'\n        values: '0+{badStep.ToString(CultureInfo.InvariantCulture)}x900'\n");
            text.Append("    promql_expr_test:\n");
            var pageExpected = page ? "[{labels: '{}', value: 1}]" : name == "0.4%" ? "PAGE_AT_TICKET_LEVEL" : "[]";
            text.Append(CultureInfo.InvariantCulture, $"      - expr: count(ALERTS{{alertname=\"{alert}\", sloth_severity=\"page\", alertstate=\"firing\"}})\n        eval_time: 74h\n        exp_samples: {pageExpected}\n");
            text.Append(CultureInfo.InvariantCulture, $"      - expr: count(ALERTS{{alertname=\"{alert}\", sloth_severity=\"ticket\", alertstate=\"firing\"}})\n        eval_time: 74h\n        exp_samples: {(ticket ? "[{labels: '{}', value: 1}]" : "[]")}\n");

            // The 1h SLI and the period's remaining budget, compared with a tolerance (promtool compares exactly).
            var ratio = (errorPer1000 / 1000).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"      - expr: abs(slo:sli_error:ratio_rate1h{{sloth_slo=\"{slo}\"}} - {ratio}) < bool 1e-12\n        eval_time: 74h\n        exp_samples: [{{labels: '{{sloth_id=\"test-{slo}\", sloth_service=\"test\", sloth_slo=\"{slo}\", sloth_window=\"1h\"}}', value: 1}}]\n");
            if (kind == "freshness")
            {
                // The series start at 0h, so the period window shifted back by the delay holds one hour less of
                // predictions than the labels' window: the period ratio is not the scenario's ratio.
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"      - expr: abs(slo:period_error_budget_remaining:ratio{{sloth_slo=\"{slo}\"}} - ({remaining.ToString("R", CultureInfo.InvariantCulture)})) < bool 1e-9\n        eval_time: 74h\n        exp_samples: [{{labels: '{{sloth_id=\"test-{slo}\", sloth_service=\"test\", sloth_slo=\"{slo}\", sloth_window=\"30d\"}}', value: 1}}]\n");
        }

        return text.ToString().Replace("PAGE_AT_TICKET_LEVEL", pageAtTicketLevel, StringComparison.Ordinal);
    }
}
