using System.Globalization;

namespace DriftWatch.AspNetCore.Overview;

/// <summary>The display text of each overview cell, formatted once on the server for both the page and its refresh
/// script (which only assigns <c>textContent</c>), so the two never disagree.</summary>
internal static class OverviewText
{
    /// <summary>The cell names, in column order (the <c>data-field</c> of each cell).</summary>
    public static readonly string[] Fields = ["predictions", "latency", "quality", "estimated", "drift", "drifted", "integrity"];

    /// <summary>Placeholder for a value the service does not have.</summary>
    public const string None = "–";

    /// <summary>Formats a model's cells.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Cell name to text, for every name in <see cref="Fields"/>, plus <c>driftClass</c> (<c>drift</c>, <c>ok</c> or empty).</returns>
    public static IReadOnlyDictionary<string, string> Cells(OverviewModel model)
    {
        var drift = model.Drift;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["predictions"] = model.Predictions.ToString(CultureInfo.InvariantCulture),
            ["latency"] = model.MeanLatencyMs is { } ms ? Latency(ms, model) : None,
            ["quality"] = Quality(model),
            ["estimated"] = model.EstimatedAccuracy is { } e ? Invariant($"{e:0.000}") : None,
            ["drift"] = DriftText(drift),
            ["drifted"] = drift is null || drift.DriftedFeatures.Count == 0 ? None : string.Join(", ", drift.DriftedFeatures),
            ["integrity"] = drift is null ? None : drift.IntegrityFaults.Count == 0 ? "no faults" : string.Join("; ", drift.IntegrityFaults),
            ["driftClass"] = drift?.DatasetDrift switch { true => "drift", false => "ok", null => string.Empty },
        };
    }

    private static string Latency(double mean, OverviewModel model)
    {
        var p99 = model.P99LatencyMs is { } p ? Invariant($"p99 {p:0.00} ms, ") : string.Empty;
        return Invariant($"{p99}{mean:0.00} ms mean over {model.Requests} {(model.Requests == 1 ? "request" : "requests")}");
    }

    private static string Quality(OverviewModel model) => model switch
    {
        { Accuracy: { } a } => Invariant($"accuracy {a:0.000} over {model.Labelled} labels"),
        { MeanAbsoluteError: { } m } => Invariant($"MAE {m:0.####} over {model.Labelled} labels"),
        _ => "no labels yet",
    };

    private static string DriftText(OverviewDrift? drift) => drift switch
    {
        null => "not watched (no reference)",
        { Error: { } error } => "evaluation failed: " + error,
        { Evaluated: false } => "not evaluated yet",
        { DatasetDrift: true, DriftShare: { } s } => Invariant($"drift: share {s:0.000}"),
        { DatasetDrift: false, DriftShare: { } s } => Invariant($"no drift: share {s:0.000}"),
        _ => Invariant($"too few rows ({drift.WindowRows} in the window)"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
