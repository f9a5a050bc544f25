using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>A served model with its pre-built metric tags and its observers.</summary>
/// <remarks><threadsafety>Immutable after construction; the observers are thread-safe.</threadsafety></remarks>
internal sealed class ModelEntry
{
    public ModelEntry(ServedModel served, IReadOnlyList<(string Name, IPredictionObserver Observer)> observers)
    {
        Served = served;
        Model = served.Model;
        ModelTag = new("model", served.Model.Name);
        VersionTag = new("model_version", served.Model.Version);
        Observers = [.. observers];
        Inputs = Observers.Select(o => o.Observer).OfType<InputMonitor>().FirstOrDefault();
        Quality = Observers.Select(o => o.Observer).OfType<QualityMonitor>().FirstOrDefault();
    }

    public ServedModel Served { get; }

    public IModel Model { get; }

    public KeyValuePair<string, object?> ModelTag { get; }

    public KeyValuePair<string, object?> VersionTag { get; }

    public (string Name, IPredictionObserver Observer)[] Observers { get; }

    /// <summary>Gets the built-in input monitor, when monitoring is on.</summary>
    public InputMonitor? Inputs { get; }

    /// <summary>Gets the built-in quality monitor, when monitoring is on.</summary>
    public QualityMonitor? Quality { get; }

    /// <summary>Gets the version the model's files declare (configuration, else schema file, else <c>1</c>); a reload of
    /// changed files that declare the same version serves <c>{declared}+{fingerprint}</c>.</summary>
    public string? DeclaredVersion { get; init; }

    /// <summary>Gets a digest of the files the model was loaded from (model, schema, reference), or <see langword="null"/>
    /// for the built-in model.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Gets the in-process traffic counters (for the overview page).</summary>
    public ModelTraffic Traffic { get; } = new();
}
