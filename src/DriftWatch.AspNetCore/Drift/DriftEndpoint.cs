using System.Net;
using System.Text;
using DriftWatch.Analysis;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Monitoring;
using DriftWatch.Reports.Html;
using DriftWatch.Serving.Monitoring;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Drift;

/// <summary><c>GET /v1/models/{model}/drift[?format=json|html]</c>: the latest drift snapshot.</summary>
internal static class DriftEndpoint
{
    public static IResult Get(string model, HttpContext context, DriftWatchRuntime runtime, DriftMonitorRegistry drift)
    {
        if (!runtime.Registry.TryGetModel(model, out _))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        if (!drift.TryGetMonitor(model, out var monitor))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"Model '{RequestBody.Truncate(model)}' has no reference data, so it is not watched for drift; PUT /v1/models/{{model}}/reference sets one.");
        }

        var format = context.Request.Query["format"].ToString();
        if (format.Length > 0 && format is not ("json" or "html"))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "format", $"Unknown format '{RequestBody.Truncate(format)}'; use json or html.");
        }

        // Before the first timer tick there is no snapshot yet: evaluate now (milliseconds), off the predict path.
        var snapshot = monitor.Latest.Sequence == 0 ? EvaluateFirst(model, monitor, runtime) : monitor.Latest;
        var labelFree = LabelFreeLookup.Latest(context.RequestServices, model);
        return format == "html"
            ? TypedResults.Content(Html(model, monitor, snapshot, labelFree), "text/html; charset=utf-8")
            : TypedResults.Content(DriftSnapshotJson.Serialize(snapshot, model, labelFree: labelFree), "application/json; charset=utf-8");
    }

    internal static string Html(string model, DriftMonitor monitor, DriftSnapshot snapshot, LabelFreeSnapshot? labelFree = null)
    {
        var live = new StringBuilder();
        live.Append("<section class=\"live\"><h2>Live monitoring: ").Append(WebUtility.HtmlEncode(model)).Append("</h2><ul>");
        Item(live, "Evaluated", snapshot.EvaluatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Item(live, "Rows", FormattableString.Invariant($"{snapshot.TotalRows} observed, {snapshot.WindowRows} in the window"));
        Item(live, "Accuracy", FormattableString.Invariant($"{snapshot.Quality.Accuracy:0.000} over {snapshot.Quality.Labelled} labels{(snapshot.Quality.BelowFloor ? " (below the floor)" : string.Empty)}"));
        Item(live, "Concept drift", FormattableString.Invariant($"{snapshot.Concept.Detector}: {snapshot.Concept.Detections} detections over {snapshot.Concept.Outcomes} outcomes"));
        if (snapshot.PredictionDrift is { } p)
        {
            Item(live, "Prediction drift", FormattableString.Invariant($"{p.Result.Method} {p.Result.Score:0.####}{(p.Result.Detected ? " (drift)" : string.Empty)}"));
        }

        foreach (var fault in snapshot.Integrity.Faults)
        {
            Item(live, "Integrity fault", fault.Message);
        }

        if (snapshot.Error is not null)
        {
            Item(live, "Evaluation error", snapshot.Error);
        }

        live.Append("</ul></section>").Append(DriftRankingHtml.Render(labelFree));
        if (snapshot.Features is not { } report || snapshot.Window is null)
        {
            return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>DriftWatch: {WebUtility.HtmlEncode(model)}</title></head><body>{live}<p>Not enough rows in the window for a drift verdict yet.</p></body></html>";
        }

        var html = HtmlReportRenderer.Render(report, ColumnDistributions.Compute(monitor.Profile.SampleDataset, snapshot.Window, report));
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body < 0 ? -1 : html.IndexOf('>', body);
        return open < 0 ? html : html.Insert(open + 1, live.ToString());
    }

    /// <summary>Evaluates a monitor that has no snapshot yet; when that throws, the failure is logged and counted as the
    /// timer counts it, and the empty snapshot (sequence 0) is served instead of a 500: the next tick retries.</summary>
    private static DriftSnapshot EvaluateFirst(string model, DriftMonitor monitor, DriftWatchRuntime runtime)
    {
        try
        {
            return monitor.Evaluate();
        }
#pragma warning disable CA1031 // Monitoring never breaks serving: the snapshot endpoint answers with what it has.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            runtime.MonitorFailed(model, DriftObserverFactory.ObserverName, ex);
            return monitor.Latest;
        }
    }

    private static void Item(StringBuilder html, string name, string value) =>
        html.Append("<li><strong>").Append(WebUtility.HtmlEncode(name)).Append(":</strong> ").Append(WebUtility.HtmlEncode(value)).Append("</li>");
}
