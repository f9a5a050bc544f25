using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>A prediction on its way to the store: a reference to its request's batch, serialized by the writer.</summary>
/// <param name="Id">The prediction id.</param>
/// <param name="Model">The model that predicted.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Batch">The request's inputs.</param>
/// <param name="Row">The row of <paramref name="Batch"/>.</param>
/// <param name="Output">The model's output.</param>
public readonly record struct PendingPrediction(string Id, IModel Model, DateTimeOffset Timestamp, FeatureBatch Batch, int Row, ModelOutput Output);
