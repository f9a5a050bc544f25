using DriftWatch.Serving.Models;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>Whether a reloaded model can take over from the one being served without breaking its clients.</summary>
/// <remarks>
/// Compatible means the same task and the same feature names with the same kinds (numeric or categorical), in any order:
/// requests name their features, so clients keep working and labels keep their meaning. Ranges and categories may change
/// (they are learned from the new training data). An added feature would make every existing request fail as
/// incomplete, a removed one as carrying an unknown feature, a changed kind as a wrong type, a changed task would change
/// what feedback means: all are refused.
/// </remarks>
internal static class SchemaCompatibility
{
    /// <summary>Compares two models.</summary>
    /// <param name="served">The model being served.</param>
    /// <param name="candidate">The reloaded model.</param>
    /// <returns><see langword="null"/> when compatible; otherwise what differs, in one sentence.</returns>
    public static string? Check(IModel served, IModel candidate)
    {
        var problems = new List<string>();
        if (served.Task != candidate.Task)
        {
            problems.Add($"the task changed from {ModelTasks.GetName(served.Task)} to {ModelTasks.GetName(candidate.Task)}");
        }

        var removed = served.Schema.Features.Where(f => candidate.Schema.IndexOf(f.Name) < 0).Select(f => f.Name).ToArray();
        var added = candidate.Schema.Features.Where(f => served.Schema.IndexOf(f.Name) < 0).Select(f => f.Name).ToArray();
        if (removed.Length > 0)
        {
            problems.Add($"feature(s) removed: {string.Join(", ", removed)}");
        }

        if (added.Length > 0)
        {
            problems.Add($"feature(s) added: {string.Join(", ", added)}");
        }

        foreach (var f in served.Schema.Features)
        {
            var i = candidate.Schema.IndexOf(f.Name);
            if (i >= 0 && candidate.Schema.Features[i].Kind != f.Kind)
            {
                problems.Add($"feature '{f.Name}' changed from {Kind(f.Kind)} to {Kind(candidate.Schema.Features[i].Kind)}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Kind(FeatureKind kind) => kind == FeatureKind.Numeric ? "numeric" : "categorical";
}
