namespace DriftWatch.Quality;

/// <summary>Whether scores benefit from isotonic calibration, and the evidence.</summary>
/// <param name="ErrorBefore">ECE of the raw scores on the pooled held-out rows; NaN when the check was skipped.</param>
/// <param name="ErrorAfter">ECE of the calibrated scores on the same rows; NaN when the check was skipped.</param>
/// <param name="NeedsCalibration">Whether calibration lowers the error (and is therefore used).</param>
/// <param name="Reason">Why: <c>"ece"</c> (compared), <c>"single_class"</c> or <c>"separable"</c> (ROC AUC above 0.999).</param>
public readonly record struct CalibrationAssessment(double ErrorBefore, double ErrorAfter, bool NeedsCalibration, string Reason);
