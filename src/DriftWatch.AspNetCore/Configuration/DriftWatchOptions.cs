namespace DriftWatch.AspNetCore.Configuration;

/// <summary>Configuration of the monitored model service.</summary>
/// <remarks>With no <see cref="Models"/>, the built-in <c>credit-risk</c> model is served.</remarks>
public sealed class DriftWatchOptions
{
    /// <summary>Gets the models to serve.</summary>
    public IList<ModelOptions> Models { get; } = [];

    /// <summary>Gets the store settings.</summary>
    public StoreOptions Store { get; } = new();

    /// <summary>Gets the API keys.</summary>
    public SecurityOptions Security { get; } = new();

    /// <summary>Gets the request limits.</summary>
    public LimitOptions Limits { get; } = new();

    /// <summary>Gets the monitoring settings.</summary>
    public MonitoringOptions Monitoring { get; } = new();
}
