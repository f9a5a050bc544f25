namespace DriftWatch.Monitoring;

/// <summary>Model quality over the labelled window.</summary>
/// <param name="Labelled">Labelled predictions in the window.</param>
/// <param name="Accuracy">Share of correct predictions (classifiers; NaN when none or for regressors).</param>
/// <param name="MeanAbsoluteError">Mean absolute error (regressors; NaN when none or for classifiers).</param>
/// <param name="Floor">The configured accuracy floor, or NaN when off.</param>
/// <param name="BelowFloor">Whether accuracy is below the floor (with enough labels).</param>
public readonly record struct QualityStatus(int Labelled, double Accuracy, double MeanAbsoluteError, double Floor, bool BelowFloor);
