using DriftWatch.Statistics;

namespace DriftWatch.Analysis;

/// <summary>Ranks drifted features by how much their drift should matter: drift severity weighted by model importance.</summary>
/// <remarks>
/// Severity puts tests and distances on one scale, 1 at the method's threshold: for a test (a p-value p with threshold α)
/// log(p) / log(α), so p = α gives 1 and every factor of α below it adds 1 (p is floored at 1e-300); for a distance d
/// with threshold t, d / t. Importance share: max(0, importance) / Σ max(0, importance) over the ranked features;
/// features missing from the importances get 0; with no positive importance at all every feature gets an equal share.
/// Order: detected features first, then by severity × share descending, then by severity, then by name.
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class DriftRanking
{
    /// <summary>Ranks the columns of a drift report.</summary>
    /// <param name="columns">Per-column drift results (several methods per column allowed; the most severe is used).</param>
    /// <param name="importances">Permutation importances of the model's features; <see langword="null"/> when unknown.</param>
    /// <param name="explanations">One-line explanations by feature; <see langword="null"/> for none.</param>
    /// <returns>The ranking, rank 1 first.</returns>
    public static IReadOnlyList<RankedDrift> Rank(
        IReadOnlyList<ColumnDriftResult> columns,
        IReadOnlyList<FeatureImportance>? importances = null,
        IReadOnlyDictionary<string, string>? explanations = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var best = new Dictionary<string, (DriftTestResult Result, double Severity)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var column in columns)
        {
            var severity = Severity(column.Result);
            if (!best.TryGetValue(column.Column, out var current))
            {
                order.Add(column.Column);
                best[column.Column] = (column.Result, severity);
            }
            else if (severity > current.Severity)
            {
                best[column.Column] = (column.Result, severity);
            }
        }

        var positive = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var importance in importances ?? [])
        {
            if (best.ContainsKey(importance.Feature))
            {
                positive[importance.Feature] = Math.Max(0.0, importance.Importance);
            }
        }

        var total = positive.Values.Sum();
        var ranked = order
            .Select(name =>
            {
                var (result, severity) = best[name];
                var share = total > 0 ? positive.GetValueOrDefault(name) / total : 1.0 / order.Count;
                return (Name: name, Result: result, Severity: severity, Share: share, Weighted: severity * share);
            })
            .OrderByDescending(r => r.Result.Detected)
            .ThenByDescending(r => r.Weighted)
            .ThenByDescending(r => r.Severity)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select((r, i) => new RankedDrift(
                i + 1,
                r.Name,
                r.Result.Method,
                r.Result.Score,
                r.Result.Detected,
                r.Severity,
                r.Share,
                r.Weighted,
                explanations?.GetValueOrDefault(r.Name)))
            .ToArray();
        return ranked;
    }

    /// <summary>Puts a drift result on the common severity scale (1 at the threshold).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The severity; 0 when the score or threshold is unusable (NaN, non-positive threshold).</returns>
    public static double Severity(DriftTestResult result)
    {
        var score = result.Score;
        var threshold = result.Threshold;
        if (double.IsNaN(score) || !(threshold > 0))
        {
            return 0.0;
        }

        if (result.PValue is not null)
        {
            return threshold >= 1 ? 0.0 : Math.Log(Math.Max(score, 1e-300)) / Math.Log(threshold);
        }

        return score / threshold;
    }
}
