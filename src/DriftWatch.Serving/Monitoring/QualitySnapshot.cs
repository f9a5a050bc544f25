namespace DriftWatch.Serving.Monitoring;

/// <summary>Model quality over a window of labelled predictions; NaN where a metric is undefined.</summary>
/// <param name="Count">Labelled predictions in the window.</param>
/// <param name="Accuracy">Share of correct labels (classification).</param>
/// <param name="Precision">TP / (TP + FP); 0 when nothing was predicted positive (as sklearn's <c>zero_division=0</c>).</param>
/// <param name="Recall">TP / (TP + FN); 0 when there is no actual positive.</param>
/// <param name="F1">2PR / (P + R); 0 when P + R = 0.</param>
/// <param name="RocAuc">Area under the ROC curve of the scores; NaN when the window holds one class only.</param>
/// <param name="Mae">Mean absolute error (regression).</param>
/// <param name="Rmse">Root mean squared error (regression).</param>
public readonly record struct QualitySnapshot(int Count, double Accuracy, double Precision, double Recall, double F1, double RocAuc, double Mae, double Rmse);
