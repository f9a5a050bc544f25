using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>A prediction as read back from the store.</summary>
/// <param name="Id">The prediction id.</param>
/// <param name="Model">The model name.</param>
/// <param name="ModelVersion">The model version.</param>
/// <param name="Timestamp">When it was made.</param>
/// <param name="InputsJson">The inputs as a JSON object (missing values are <c>null</c>).</param>
/// <param name="Output">The output.</param>
/// <param name="Actual">The label, when one arrived.</param>
public sealed record StoredPrediction(string Id, string Model, string ModelVersion, DateTimeOffset Timestamp, string InputsJson, ModelOutput Output, double? Actual);
