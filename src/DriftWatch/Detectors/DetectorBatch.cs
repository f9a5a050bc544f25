namespace DriftWatch.Detectors;

/// <summary>The batch loop of <see cref="IDriftDetector.Update(ReadOnlySpan{double}, Span{int}, Span{int})"/> for the detectors that have no faster one of their own.</summary>
/// <remarks>
/// The interface's default implementation makes three interface calls per value; this loop, instantiated for a
/// struct per detector, makes direct calls the JIT can inline. Same semantics as the default implementation.
/// <threadsafety>Stateless; the detector it runs is not thread-safe.</threadsafety>
/// </remarks>
internal static class DetectorBatch
{
    /// <summary>Feeds the values and records the flagged indices (see <see cref="IDriftDetector.Update(ReadOnlySpan{double}, Span{int}, Span{int})"/>).</summary>
    /// <typeparam name="TTarget">The detector's batch struct.</typeparam>
    /// <param name="target">The detector.</param>
    /// <param name="values">The values.</param>
    /// <param name="drifts">Receives drift indices; empty to ignore drifts.</param>
    /// <param name="warnings">Receives warning indices; empty to ignore warnings.</param>
    /// <returns>The values consumed and the indices written.</returns>
    public static DetectorBatchResult Run<TTarget>(TTarget target, ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings)
        where TTarget : struct, IBatchTarget
    {
        int driftCount = 0;
        int warningCount = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            target.Update(value);
            if (!double.IsFinite(value))
            {
                continue;
            }

            bool full = false;
            if (drifts.Length > 0 && target.DriftDetected)
            {
                drifts[driftCount++] = i;
                full = driftCount == drifts.Length;
            }

            if (warnings.Length > 0 && target.WarningDetected)
            {
                warnings[warningCount++] = i;
                full |= warningCount == warnings.Length;
            }

            if (full)
            {
                return new DetectorBatchResult(i + 1, driftCount, warningCount);
            }
        }

        return new DetectorBatchResult(values.Length, driftCount, warningCount);
    }
}
