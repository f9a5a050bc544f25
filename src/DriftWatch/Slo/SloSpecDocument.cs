namespace DriftWatch.Slo;

/// <summary>The <c>slo.yaml</c> file as written: one service, its SLOs and the SLA that promises some of them.</summary>
/// <remarks>A plain data holder for YAML binding; <see cref="SloSpecValidator"/> turns it into checked values.</remarks>
internal sealed class SloSpecDocument
{
    /// <summary>Gets or sets the spec format version (<c>driftwatch.slo/v1</c>).</summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets the service name (Sloth's <c>sloth_service</c> label).</summary>
    public string? Service { get; set; }

    /// <summary>Gets or sets the model the built-in SLI kinds select (the <c>model</c> label).</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets labels added to every generated rule.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Gets or sets the objectives.</summary>
    public List<SloDocument>? Slos { get; set; }

    /// <summary>Gets or sets the promise to users, naming the SLOs that keep it.</summary>
    public SlaDocument? Sla { get; set; }
}
