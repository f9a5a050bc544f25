namespace DriftWatch.Detectors;

/// <summary>The outcome of <see cref="IDriftDetector.Update(ReadOnlySpan{double}, Span{int}, Span{int})"/>.</summary>
/// <param name="Consumed">The number of values fed to the detector: all of them, unless a non-empty index buffer filled up first.</param>
/// <param name="DriftCount">The number of indices written to the drift buffer.</param>
/// <param name="WarningCount">The number of indices written to the warning buffer.</param>
public readonly record struct DetectorBatchResult(int Consumed, int DriftCount, int WarningCount);
