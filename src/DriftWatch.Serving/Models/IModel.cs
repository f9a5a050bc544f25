namespace DriftWatch.Serving.Models;

/// <summary>A model behind the service: a name, a version, a task, an input schema and batch prediction.</summary>
/// <remarks><threadsafety>Implementations are safe to call from several threads at once.</threadsafety></remarks>
public interface IModel
{
    /// <summary>Gets the model name, as in <c>/v1/models/{name}</c>.</summary>
    string Name { get; }

    /// <summary>Gets the model version.</summary>
    string Version { get; }

    /// <summary>Gets what the model predicts.</summary>
    ModelTask Task { get; }

    /// <summary>Gets the input features.</summary>
    ModelSchema Schema { get; }

    /// <summary>Predicts every row of a batch.</summary>
    /// <param name="batch">The inputs; its schema is <see cref="Schema"/>.</param>
    /// <param name="outputs">Receives one output per row (length at least <see cref="FeatureBatch.Count"/>).</param>
    void Predict(FeatureBatch batch, Span<ModelOutput> outputs);
}
