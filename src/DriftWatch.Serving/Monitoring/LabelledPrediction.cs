using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>A stored prediction and the label that arrived for it (a row of the labelled error stream).</summary>
/// <param name="PredictionId">The prediction id.</param>
/// <param name="Output">What the model predicted.</param>
/// <param name="Actual">The true value (0 or 1 for binary classification).</param>
/// <param name="PredictedAt">When the prediction was made.</param>
/// <param name="LabelledAt">When the label was stored.</param>
public readonly record struct LabelledPrediction(string PredictionId, ModelOutput Output, double Actual, DateTimeOffset PredictedAt, DateTimeOffset LabelledAt)
{
    /// <summary>Gets whether a classification was right (label equals actual).</summary>
    public bool IsCorrect => Output.Label == Actual;
}
