namespace DriftWatch.Serving.Storage;

/// <summary>A label for a prediction.</summary>
/// <param name="PredictionId">The prediction id.</param>
/// <param name="Actual">The true value.</param>
public readonly record struct FeedbackItem(string PredictionId, double Actual);
