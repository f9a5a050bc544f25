namespace DriftWatch.Serving.Models;

/// <summary>One prediction.</summary>
/// <param name="Label">Binary classification: 0 or 1. Regression: the predicted value.</param>
/// <param name="Score">Binary classification: the probability of label 1. Regression: the predicted value.</param>
public readonly record struct ModelOutput(double Label, double Score);
