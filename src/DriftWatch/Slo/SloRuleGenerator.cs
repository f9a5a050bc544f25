using System.Globalization;

namespace DriftWatch.Slo;

/// <summary>Turns a checked <see cref="SloSpec"/> into Prometheus rules with Sloth's names, labels and windows.</summary>
/// <remarks>
/// Per SLO three groups, as Sloth writes them, so Sloth's and the community's dashboards work unchanged:
/// <list type="number">
/// <item><c>sloth-slo-sli-recordings-ID</c>: <c>slo:sli_error:ratio_rate&lt;w&gt;</c> for every alert window and for the
/// period, each the ratio errors / total of the event counts over that window (label <c>sloth_window</c>).</item>
/// <item><c>sloth-slo-meta-recordings-ID</c>: <c>slo:objective:ratio</c>, <c>slo:error_budget:ratio</c>,
/// <c>slo:time_period:days</c>, <c>slo:current_burn_rate:ratio</c> (shortest window / budget),
/// <c>slo:period_burn_rate:ratio</c> (period ratio / budget), <c>slo:period_error_budget_remaining:ratio</c>
/// (1 - period burn rate) and <c>sloth_slo_info</c>.</item>
/// <item><c>sloth-slo-alerts-ID</c>: the page and ticket multiwindow multi-burn-rate alerts.</item>
/// </list>
/// The period ratio is computed from the event counts over the whole period (not averaged from the 5m ratio as
/// Sloth's optimized mode does), so a burst of traffic counts by its events. The error budget is written as an
/// exact decimal (0.001, not 1-0.999, which is 0.0010000000000000009 in binary floating point).
/// </remarks>
internal static class SloRuleGenerator
{
    private const string WindowLabel = "sloth_window";

    /// <summary>Generates the rule file.</summary>
    /// <param name="spec">The checked spec.</param>
    /// <returns>The rules.</returns>
    public static PrometheusRuleFile Generate(SloSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var file = new PrometheusRuleFile();
        foreach (var slo in spec.Slos)
        {
            var id = $"{spec.Service}-{slo.Name}";
            var idLabels = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["sloth_id"] = id,
                ["sloth_service"] = spec.Service,
                ["sloth_slo"] = slo.Name,
            };
            var filter = "{" + string.Join(", ", idLabels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
            var windows = BurnRateWindows.For(slo.Period);
            file.Groups.Add(SliGroup(slo, id, idLabels, windows));
            file.Groups.Add(MetaGroup(spec, slo, id, idLabels, filter, windows));
            if (slo.Alerting.Page || slo.Alerting.Ticket)
            {
                file.Groups.Add(AlertGroup(slo, id, filter, windows));
            }
        }

        return file;
    }

    /// <summary>The name of the SLI error-ratio series for a window, e.g. <c>slo:sli_error:ratio_rate5m</c>.</summary>
    /// <param name="window">The window.</param>
    /// <returns>The series name.</returns>
    public static string SliErrorMetric(TimeSpan window) => $"slo:sli_error:ratio_rate{PromDuration.Format(window)}";

    private static PrometheusRuleGroup SliGroup(ServiceLevelObjective slo, string id, SortedDictionary<string, string> idLabels, BurnRateWindows windows)
    {
        var group = new PrometheusRuleGroup { Name = $"sloth-slo-sli-recordings-{id}" };
        foreach (var window in windows.All.Append(slo.Period).Distinct())
        {
            var w = PromDuration.Format(window);
            var labels = Merge(slo.Labels, idLabels);
            labels[WindowLabel] = w;
            group.Rules.Add(new PrometheusRule { Record = SliErrorMetric(window), Expr = slo.Sli.ErrorRatio(w), Labels = labels });
        }

        return group;
    }

    private static PrometheusRuleGroup MetaGroup(
        SloSpec spec, ServiceLevelObjective slo, string id, SortedDictionary<string, string> idLabels, string filter, BurnRateWindows windows)
    {
        var labels = Merge(slo.Labels, idLabels);
        var group = new PrometheusRuleGroup { Name = $"sloth-slo-meta-recordings-{id}" };
        const string On = "on(sloth_id, sloth_slo, sloth_service) group_left";
        group.Rules.Add(Record("slo:objective:ratio", $"vector({Number(slo.ObjectiveRatio)})", labels));
        group.Rules.Add(Record("slo:error_budget:ratio", $"vector({Number(slo.ErrorBudgetRatio)})", labels));
        group.Rules.Add(Record("slo:time_period:days", $"vector({Number((decimal)slo.Period.TotalMinutes / 1440m)})", labels));
        group.Rules.Add(Record(
            "slo:current_burn_rate:ratio",
            $"{SliErrorMetric(windows.PageQuick.Short)}{filter} / {On} slo:error_budget:ratio{filter}",
            labels));
        group.Rules.Add(Record(
            "slo:period_burn_rate:ratio",
            $"{SliErrorMetric(slo.Period)}{filter} / {On} slo:error_budget:ratio{filter}",
            labels));
        group.Rules.Add(Record("slo:period_error_budget_remaining:ratio", $"1 - slo:period_burn_rate:ratio{filter}", labels));

        var info = Merge(labels, new Dictionary<string, string>
        {
            ["sloth_mode"] = "cli-gen-prom",
            ["sloth_spec"] = SloSpecValidator.SpecVersion,
            ["sloth_objective"] = Number(slo.Objective),
            ["sli_kind"] = slo.Sli.Kind,
        });
        if (spec.SlaName is { } sla && spec.SlaSlos.Contains(slo.Name))
        {
            info["sla"] = sla;
        }

        group.Rules.Add(Record("sloth_slo_info", "vector(1)", info));
        return group;
    }

    private static PrometheusRuleGroup AlertGroup(ServiceLevelObjective slo, string id, string filter, BurnRateWindows windows)
    {
        var group = new PrometheusRuleGroup { Name = $"sloth-slo-alerts-{id}" };
        var budget = Number(slo.ErrorBudgetRatio);
        if (slo.Alerting.Page)
        {
            group.Rules.Add(Alert(slo, "page", "critical", Condition(windows.PageQuick, windows.PageSlow, filter, budget)));
        }

        if (slo.Alerting.Ticket)
        {
            group.Rules.Add(Alert(slo, "ticket", "warning", Condition(windows.TicketQuick, windows.TicketSlow, filter, budget)));
        }

        return group;
    }

    private static string Condition(BurnRateWindow quick, BurnRateWindow slow, string filter, string budget)
    {
        string Above(TimeSpan window, decimal factor) => $"({SliErrorMetric(window)}{filter} > ({Number(factor)} * {budget}))";
        return $"({Above(quick.Short, quick.Factor)} and ignoring ({WindowLabel}) {Above(quick.Long, quick.Factor)})"
            + $" or ignoring ({WindowLabel}) "
            + $"({Above(slow.Short, slow.Factor)} and ignoring ({WindowLabel}) {Above(slow.Long, slow.Factor)})";
    }

    private static PrometheusRule Alert(ServiceLevelObjective slo, string sloSeverity, string severity, string expr)
    {
        var labels = Merge(slo.Alerting.Labels, new Dictionary<string, string>
        {
            ["sloth_severity"] = sloSeverity,
            ["severity"] = severity,
        });
        var budget = (100m - slo.Objective).ToString("G29", CultureInfo.InvariantCulture);
        var annotations = Merge(slo.Alerting.Annotations, new Dictionary<string, string>
        {
            ["title"] = $"({sloSeverity}) {{{{$labels.sloth_service}}}} {{{{$labels.sloth_slo}}}} SLO error budget burn rate is too fast.",
            ["summary"] = "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.",
            ["description"] = $"The error ratio of SLO {slo.Name} (objective {Number(slo.Objective)}%, error budget {budget}%) is "
                + "{{ $value | humanizePercentage }} over the short window: at this rate the budget of the period runs out early. "
                + (slo.Description.Length > 0 ? slo.Description : string.Empty),
            ["runbook"] = "RUNBOOK.md#slo-error-budget-burn",
        });
        annotations["description"] = annotations["description"].TrimEnd();
        return new PrometheusRule { Alert = slo.Alerting.Name, Expr = expr, Labels = labels, Annotations = annotations };
    }

    private static PrometheusRule Record(string name, string expr, SortedDictionary<string, string> labels) =>
        new() { Record = name, Expr = expr, Labels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) };

    private static SortedDictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in first)
        {
            result[k] = v;
        }

        foreach (var (k, v) in second)
        {
            result[k] = v;
        }

        return result;
    }

    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
