namespace DriftWatch.Slo;

/// <summary>A custom event SLI: PromQL for bad events and all events, each with a <c>{{window}}</c> placeholder.</summary>
internal sealed class SliEventsDocument
{
    /// <summary>Gets or sets the query counting bad events over <c>{{window}}</c>.</summary>
    public string? ErrorQuery { get; set; }

    /// <summary>Gets or sets the query counting all events over <c>{{window}}</c>.</summary>
    public string? TotalQuery { get; set; }
}
