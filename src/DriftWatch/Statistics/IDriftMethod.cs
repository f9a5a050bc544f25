namespace DriftWatch.Statistics;

/// <summary>A two-sample drift method (a statistical test or a distance), named as in Evidently.</summary>
/// <remarks><threadsafety>Implementations are stateless and safe to share between threads.</threadsafety></remarks>
public interface IDriftMethod
{
    /// <summary>Gets the registry name, e.g. <c>ks</c> or <c>jensenshannon</c>.</summary>
    string Name { get; }

    /// <summary>Gets a value indicating whether the score is a p-value (a test) rather than a distance.</summary>
    bool IsTest { get; }

    /// <summary>Gets whether the method accepts columns of the given type.</summary>
    /// <param name="type">The column type.</param>
    /// <returns><see langword="true"/> when the method applies.</returns>
    bool Supports(ColumnType type);

    /// <summary>Gets the default threshold under a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The threshold.</returns>
    double DefaultThreshold(DriftProfile profile);

    /// <summary>Compares the current sample with the reference.</summary>
    /// <param name="reference">The reference sample (non-empty).</param>
    /// <param name="current">The current sample (non-empty).</param>
    /// <param name="profile">The rule book.</param>
    /// <param name="threshold">The threshold for the verdict.</param>
    /// <returns>The statistic, p-value, score and verdict.</returns>
    /// <exception cref="DriftMethodException">The method cannot be applied to these samples (the message says why).</exception>
    DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold);
}
