using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>What one predict request saw and answered: handed to every <see cref="IPredictionObserver"/>.</summary>
/// <remarks>
/// <threadsafety>Read-only once handed to observers; observers must not keep references past the call unless they copy
/// (the arrays are not reused, but observers should not rely on it).</threadsafety>
/// </remarks>
public sealed class PredictionBatch
{
    /// <summary>Initializes a new instance of the <see cref="PredictionBatch"/> class.</summary>
    /// <param name="model">The model that predicted.</param>
    /// <param name="features">The inputs.</param>
    /// <param name="outputs">One output per row.</param>
    /// <param name="ids">One prediction id per row.</param>
    /// <param name="timestamp">When the prediction was made.</param>
    public PredictionBatch(IModel model, FeatureBatch features, ReadOnlyMemory<ModelOutput> outputs, IReadOnlyList<string> ids, DateTimeOffset timestamp)
    {
        Model = model;
        Features = features;
        Outputs = outputs;
        Ids = ids;
        Timestamp = timestamp;
    }

    /// <summary>Gets the model that predicted.</summary>
    public IModel Model { get; }

    /// <summary>Gets the inputs.</summary>
    public FeatureBatch Features { get; }

    /// <summary>Gets one output per row.</summary>
    public ReadOnlyMemory<ModelOutput> Outputs { get; }

    /// <summary>Gets one prediction id per row.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Gets when the prediction was made.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count => Features.Count;
}
