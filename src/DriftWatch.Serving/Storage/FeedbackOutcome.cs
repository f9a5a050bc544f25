using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <summary>The result of one feedback item.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Output">The stored prediction's output (default for <see cref="FeedbackStatus.UnknownId"/>).</param>
/// <param name="PredictedAt">When the prediction was made.</param>
/// <param name="StoredActual">The label in the store after the call (the earlier one for a conflict), or NaN.</param>
/// <param name="ModelVersion">The version of the model that made the prediction, or <see langword="null"/> when unknown.</param>
public readonly record struct FeedbackOutcome(FeedbackStatus Status, ModelOutput Output, DateTimeOffset PredictedAt, double StoredActual, string? ModelVersion = null);
