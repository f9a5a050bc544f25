namespace DriftWatch.Slo;

/// <summary>An event SLI ready for rendering: PromQL templates with a <c>{{window}}</c> placeholder.</summary>
/// <param name="Kind">The built-in kind, or <c>events</c> for a custom SLI.</param>
/// <param name="ErrorQuery">Counts bad events over the window.</param>
/// <param name="TotalQuery">Counts all events over the window.</param>
internal sealed record SliQuery(string Kind, string ErrorQuery, string TotalQuery)
{
    /// <summary>The placeholder that every query must contain.</summary>
    public const string WindowPlaceholder = "{{window}}";

    /// <summary>Renders the error ratio over one window: <c>(errors) / (total)</c>.</summary>
    /// <param name="window">The window, e.g. <c>5m</c>.</param>
    /// <returns>The PromQL expression.</returns>
    public string ErrorRatio(string window) =>
        $"({ErrorQuery.Replace(WindowPlaceholder, window, StringComparison.Ordinal)}) / ({TotalQuery.Replace(WindowPlaceholder, window, StringComparison.Ordinal)})";
}
