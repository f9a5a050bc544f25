using System.Globalization;

namespace DriftWatch.Slo;

/// <summary>The built-in SLI kinds and the DriftWatch metrics each one reads.</summary>
/// <remarks>
/// Every query counts events with <c>increase(...[{{window}}])</c>, so the period ratio is a ratio of event counts
/// over the whole period and a burst of traffic weighs by its events, not by its duration. Error counts that may
/// have no series yet (no 5xx so far) fall back to <c>vector(0)</c>, so a healthy service shows a 0 error ratio
/// rather than no data.
/// <list type="bullet">
/// <item><c>availability</c>: predictions answered with a 5xx over all predictions (ASP.NET Core's
/// <c>http_server_request_duration_seconds_count</c> on the predict route).</item>
/// <item><c>latency</c>: predictions slower than <c>threshold</c> seconds: count minus the bucket whose
/// <c>le</c> is the threshold, over the count, of <c>driftwatch_prediction_duration_seconds</c>.</item>
/// <item><c>model_quality</c>: labelled predictions that were wrong over all labelled predictions
/// (<c>driftwatch_labelled_predictions_total{outcome}</c>).</item>
/// <item><c>data_quality</c>: integrity faults (<c>driftwatch_input_violations_total</c>, every kind) over rows served
/// (<c>driftwatch_predictions_total</c>). A row with two faults counts twice, so this bounds the share of faulty rows
/// from above; rows rejected before the model count as faults without adding to the total.</item>
/// <item><c>freshness</c>: predictions made <c>delay</c> seconds ago that have no label yet: predictions over the
/// window shifted back by the delay, minus labels that arrived over the window (never below 0), over those
/// predictions. With steady traffic and every label arriving within the delay the ratio is 0.</item>
/// </list>
/// </remarks>
internal static class SliKinds
{
    /// <summary>The names of the built-in kinds.</summary>
    public static readonly IReadOnlyList<string> Names = ["availability", "latency", "model_quality", "data_quality", "freshness"];

    /// <summary>The <c>le</c> bounds of <c>driftwatch_prediction_duration_seconds</c>, in seconds.</summary>
    /// <remarks>A copy of the service's histogram buckets (<c>DriftWatchMetrics.DurationBuckets</c> in
    /// DriftWatch.AspNetCore, which this library cannot reference); a test keeps the two equal. A latency threshold that is
    /// not one of them would select no bucket series, and the SLI would have no data instead of a value.</remarks>
    public static readonly IReadOnlyList<double> LatencyBucketBounds =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    /// <summary>Builds the queries of a built-in kind.</summary>
    /// <param name="kind">One of <see cref="Names"/>.</param>
    /// <param name="model">The model label value.</param>
    /// <param name="sli">The SLI as written (threshold and delay).</param>
    /// <param name="where">The SLO, for error messages.</param>
    /// <returns>The queries.</returns>
    /// <exception cref="SloSpecException">The kind is unknown or lacks its parameter.</exception>
    public static SliQuery Build(string kind, string model, SliDocument sli, string where)
    {
        var m = $"model=\"{model}\"";
        switch (kind)
        {
            case "availability":
                {
                    const string Route = "http_route=\"/v1/models/{model}/predict\"";
                    return new SliQuery(
                        kind,
                        $"(sum(increase(http_server_request_duration_seconds_count{{{Route},http_response_status_code=~\"5..\"}}[{{{{window}}}}])) or vector(0))",
                        $"sum(increase(http_server_request_duration_seconds_count{{{Route}}}[{{{{window}}}}]))");
                }

            case "latency":
                {
                    var le = Bound(sli.Threshold, "threshold", where);
                    if (!LatencyBucketBounds.Contains(sli.Threshold!.Value))
                    {
                        throw new SloSpecException(
                            $"{where}: sli.threshold {le} is not a bucket bound of driftwatch_prediction_duration_seconds (one of {string.Join(", ", LatencyBucketBounds.Select(FormatLe))})");
                    }

                    var total = $"sum(increase(driftwatch_prediction_duration_seconds_count{{{m}}}[{{{{window}}}}]))";
                    return new SliQuery(
                        kind,
                        $"{total} - sum(increase(driftwatch_prediction_duration_seconds_bucket{{{m},le=\"{le}\"}}[{{{{window}}}}]))",
                        total);
                }

            case "model_quality":
                return new SliQuery(
                    kind,
                    $"(sum(increase(driftwatch_labelled_predictions_total{{{m},outcome=\"incorrect\"}}[{{{{window}}}}])) or vector(0))",
                    $"sum(increase(driftwatch_labelled_predictions_total{{{m}}}[{{{{window}}}}]))");

            case "data_quality":
                return new SliQuery(
                    kind,
                    $"(sum(increase(driftwatch_input_violations_total{{{m}}}[{{{{window}}}}])) or vector(0))",
                    $"sum(increase(driftwatch_predictions_total{{{m}}}[{{{{window}}}}]))");

            case "freshness":
                {
                    var delay = Delay(sli.Delay, where);
                    var made = $"sum(increase(driftwatch_predictions_total{{{m}}}[{{{{window}}}}] offset {delay}))";
                    return new SliQuery(
                        kind,
                        $"clamp_min({made} - (sum(increase(driftwatch_labelled_predictions_total{{{m}}}[{{{{window}}}}])) or vector(0)), 0)",
                        made);
                }

            default:
                throw new SloSpecException(
                    $"{where}: unknown sli kind '{kind}' (expected one of {string.Join(", ", Names)}, or sli.events)");
        }
    }

    /// <summary>Formats a histogram bound the way the OpenTelemetry Prometheus exporter writes <c>le</c>.</summary>
    /// <param name="value">The bound.</param>
    /// <returns>The shortest round-trip invariant text, e.g. <c>0.25</c> or <c>1</c>.</returns>
    public static string FormatLe(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Delay(double? value, string where)
    {
        if (value is not { } v || !double.IsFinite(v) || v < 1 || v != Math.Floor(v))
        {
            throw new SloSpecException($"{where}: sli.delay must be a whole number of seconds (at least 1)");
        }

        return PromDuration.Format(TimeSpan.FromSeconds(v));
    }

    private static string Bound(double? value, string field, string where)
    {
        if (value is not { } v || !double.IsFinite(v) || v <= 0)
        {
            throw new SloSpecException($"{where}: sli.{field} must be a positive number of seconds (a histogram bucket bound)");
        }

        return FormatLe(v);
    }
}
