namespace DriftWatch.Serving.Generation;

/// <summary>The CLI names of <see cref="DriftScenario"/> values (<c>none</c>, <c>covariate_shift</c>, ...).</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread.</threadsafety></remarks>
public static class DriftScenarios
{
    private static readonly (DriftScenario Scenario, string Name)[] Names =
    [
        (DriftScenario.None, "none"),
        (DriftScenario.CovariateShift, "covariate_shift"),
        (DriftScenario.ConceptDrift, "concept_drift"),
        (DriftScenario.GradualConceptDrift, "gradual_concept_drift"),
        (DriftScenario.SeasonalDevice, "seasonal_device"),
        (DriftScenario.SwappedColumns, "swapped_columns"),
        (DriftScenario.BlankField, "blank_field"),
        (DriftScenario.Outliers, "outliers"),
        (DriftScenario.CorrelationShift, "correlation_shift"),
    ];

    /// <summary>Gets every scenario name, in declaration order.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>Gets the CLI name of a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The snake_case name, e.g. <c>covariate_shift</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scenario"/> is not a defined value.</exception>
    public static string GetName(DriftScenario scenario)
    {
        foreach (var (s, name) in Names)
        {
            if (s == scenario)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario.");
    }

    /// <summary>Parses a scenario name (case-insensitive; <c>-</c> is accepted for <c>_</c>).</summary>
    /// <param name="name">The name, e.g. <c>covariate_shift</c>.</param>
    /// <param name="scenario">The scenario, when known.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParse(string? name, out DriftScenario scenario)
    {
        scenario = DriftScenario.None;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var normalized = name.Trim().Replace('-', '_');
        foreach (var (s, n) in Names)
        {
            if (string.Equals(n, normalized, StringComparison.OrdinalIgnoreCase))
            {
                scenario = s;
                return true;
            }
        }

        return false;
    }
}
