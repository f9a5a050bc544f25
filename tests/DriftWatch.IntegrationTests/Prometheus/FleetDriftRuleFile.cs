using System.Globalization;
using System.Text;

namespace DriftWatch.IntegrationTests.Prometheus;

/// <summary>
/// Writes <c>deploy/prometheus/rules/fleet-drift.yml</c>: KS, PSI and Jensen-Shannon per model and numeric feature,
/// computed by Prometheus from the counters summed over every replica, so a fleet is judged as one population.
/// </summary>
/// <remarks>
/// <para>Input: <c>driftwatch_feature_observations_total{le}</c>, cumulative counts at the reference profile's bin
/// edges, and <c>driftwatch_feature_reference_ratio{le}</c>, the reference CDF at the same edges. Summing the
/// <c>increase</c> over replicas by (model, feature, le) and dividing by the <c>+Inf</c> count gives the fleet's
/// current CDF C(le); R(le) is the reference CDF. KS = max over edges |C − R| needs nothing more.</para>
/// <para>PSI and Jensen-Shannon need per-bin shares, C(le) − C(previous le), and PromQL cannot subtract across
/// label values nor order series by a label. The rules therefore order the edges by value: K = C + R is
/// non-decreasing in le (both CDFs are), and two edges share a K only when both CDFs are flat between them, i.e.
/// the bins between them are empty in both distributions, where every PSI and JS term is 0. Level 1 is the
/// largest K, level i+1 the largest K below level i (one rule per level, up to <see cref="Levels"/>); each
/// level's C and R are read from the edge that has that K, and the bin shares are the differences between
/// consecutive levels (the lowest level minus 0). Features with more distinct edges than levels get no fleet
/// value (rather than a wrong one) and raise <c>DriftWatchFleetDriftBinsExceeded</c>.</para>
/// <para>PSI = Σ (p − q) ln(p / q) with empty bins replaced by 0.0001 in either distribution (Evidently's rule);
/// Jensen-Shannon is scipy's <c>distance.jensenshannon</c> with the natural log: sqrt(½ Σ [p ln(p/m) + q ln(q/m)]),
/// m = (p + q) / 2, terms with a zero share are 0.</para>
/// <para>The file is generated (levels differ only by their index) and committed; a test fails when it differs
/// from this generator's output. Regenerate with <c>DRIFTWATCH_REGENERATE=1</c> set while running the test.</para>
/// </remarks>
internal static class FleetDriftRuleFile
{
    /// <summary>The number of distinct bin edges supported per feature (ten quantile bins need eleven at most).</summary>
    public const int Levels = 16;

    /// <summary>The PSI replacement for an empty bin.</summary>
    public const double PsiEpsilon = 0.0001;

    private const string G = "model, feature";

    public static string Generate()
    {
        var s = new StringBuilder();
        s.Append("# Fleet-wide drift: KS, PSI and Jensen-Shannon per model and numeric feature over the last hour,\n");
        s.Append("# computed from the counters of every replica summed together. Generated: see docs/prometheus.md\n");
        s.Append("# (\"Fleet drift\") for the derivation; do not edit by hand.\n");
        s.Append("groups:\n");
        s.Append("- name: driftwatch-fleet-drift\n  rules:\n");
        Record(s, "driftwatch:feature_observations:increase1h", $"sum by ({G}, le) (increase(driftwatch_feature_observations_total[1h]))");
        Record(s, "driftwatch:feature_reference_cdf", $"max by ({G}, le) (driftwatch_feature_reference_ratio)");
        Record(
            s,
            "driftwatch:feature_current_cdf:1h",
            $"driftwatch:feature_observations:increase1h / on({G}) group_left() (driftwatch:feature_observations:increase1h{{le=\"+Inf\"}} > 0)");
        Record(
            s,
            "driftwatch:feature_cdf_key:1h",
            $"driftwatch:feature_current_cdf:1h + on({G}, le) driftwatch:feature_reference_cdf");

        for (var i = 1; i <= Levels; i++)
        {
            var level = Level(i);
            var key = i == 1
                ? $"max by ({G}) (driftwatch:feature_cdf_key:1h)"
                : $"max by ({G}) (driftwatch:feature_cdf_key:1h < on({G}) group_left() driftwatch:feature_level_key:1h{{level=\"{Level(i - 1)}\"}})";
            Record(s, "driftwatch:feature_level_key:1h", key, level);
            var atLevel = $"on({G}, le) (driftwatch:feature_cdf_key:1h == on({G}) group_left() driftwatch:feature_level_key:1h{{level=\"{level}\"}})";
            Record(s, "driftwatch:feature_level_current_cdf:1h", $"max by ({G}) (driftwatch:feature_current_cdf:1h and {atLevel})", level);
            Record(s, "driftwatch:feature_level_reference_cdf:1h", $"max by ({G}) (driftwatch:feature_reference_cdf and {atLevel})", level);
        }

        for (var i = 1; i <= Levels; i++)
        {
            var level = Level(i);
            foreach (var which in new[] { "current", "reference" })
            {
                var cdf = $"driftwatch:feature_level_{which}_cdf:1h";
                var below = i == Levels
                    ? $"{cdf}{{level=\"{level}\"}} * 0"
                    : $"{cdf}{{level=\"{Level(i + 1)}\"}} or ignoring(level) {cdf}{{level=\"{level}\"}} * 0";
                Record(s, $"driftwatch:feature_bin_{which}_share:1h", $"{cdf}{{level=\"{level}\"}} - ignoring(level) ({below})", level);
            }
        }

        const string P = "driftwatch:feature_bin_current_share:1h";
        const string Q = "driftwatch:feature_bin_reference_share:1h";
        var eps = PsiEpsilon.ToString("R", CultureInfo.InvariantCulture);
        Record(
            s,
            "driftwatch:feature_psi_term:1h",
            $"(({P} > 0 or ({P} == 0) + {eps}) - ({Q} > 0 or ({Q} == 0) + {eps})) * ln(({P} > 0 or ({P} == 0) + {eps}) / ({Q} > 0 or ({Q} == 0) + {eps}))");
        Record(
            s,
            "driftwatch:feature_js_term:1h",
            $"({P} * ln({P} / (({P} + {Q}) / 2)) and {P} > 0 or {P} == 0) + ({Q} * ln({Q} / (({P} + {Q}) / 2)) and {Q} > 0 or {Q} == 0)");

        // Complete only when every edge found a level; otherwise no value rather than a wrong one.
        var lowest = $"driftwatch:feature_level_key:1h{{level=\"{Level(Levels)}\"}}";
        var incomplete = $"count by ({G}) (driftwatch:feature_cdf_key:1h < on({G}) group_left() {lowest}) > 0";
        Record(s, "driftwatch:feature_fleet_bins_exceeded:1h", incomplete);
        const string Unless = "unless on(model, feature) driftwatch:feature_fleet_bins_exceeded:1h";
        Record(s, "driftwatch:feature_fleet_ks:1h", $"max by ({G}) (abs(driftwatch:feature_current_cdf:1h - on({G}, le) driftwatch:feature_reference_cdf)) {Unless}");
        Record(s, "driftwatch:feature_fleet_psi:1h", $"sum by ({G}) (driftwatch:feature_psi_term:1h) {Unless}");
        Record(s, "driftwatch:feature_fleet_jensenshannon:1h", $"sqrt(sum by ({G}) (driftwatch:feature_js_term:1h) / 2) {Unless}");
        Record(s, "driftwatch:feature_fleet_observations:1h", $"driftwatch:feature_observations:increase1h{{le=\"+Inf\"}}");
        return s.ToString();
    }

    private static string Level(int i) => i.ToString("D2", CultureInfo.InvariantCulture);

    private static void Record(StringBuilder s, string name, string expr, string? level = null)
    {
        s.Append("  - record: ").Append(name).Append('\n');
        s.Append("    expr: '").Append(expr.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        if (level is not null)
        {
            s.Append("    labels:\n      level: \"").Append(level).Append("\"\n");
        }
    }
}
