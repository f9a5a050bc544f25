namespace DriftWatch.Statistics;

/// <summary>The outcome of one drift method on one column.</summary>
/// <param name="Method">The method's registry name (Evidently's), e.g. <c>ks</c>.</param>
/// <param name="Statistic">The test statistic or distance; <see langword="null"/> where the method has none.</param>
/// <param name="PValue">The p-value; <see langword="null"/> for distances.</param>
/// <param name="Score">The drift score: the p-value for tests, the distance for distances (as in Evidently).</param>
/// <param name="Threshold">The threshold the score was compared with.</param>
/// <param name="Detected">Whether drift was detected.</param>
public readonly record struct DriftTestResult(
    string Method,
    double? Statistic,
    double? PValue,
    double Score,
    double Threshold,
    bool Detected);
