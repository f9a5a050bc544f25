namespace DriftWatch.Detectors;

/// <summary>An online change detector: fed one value at a time, it raises a drift (and, for some, a warning) flag.</summary>
/// <remarks>
/// <para>
/// Implementations follow River 0.26 (online-ml/river) update rules, parameter names and defaults, so that
/// a seeded run signals at the same indices as River does.
/// </para>
/// <para>
/// A drift flag holds for exactly one update: the next call to <see cref="Update(double)"/> first discards all
/// state (as River does) and then processes its value. Non-finite values (NaN, ±∞) are skipped: they are
/// counted in <see cref="SkippedCount"/>, change neither state nor flags, and never enter the state.
/// </para>
/// <para>
/// <see cref="Update(double)"/> allocates nothing and never reads a clock.
/// </para>
/// <threadsafety>Not thread-safe. A detector is a small mutable state machine: callers serialise access
/// (one detector per stream, or a lock around <see cref="Update(double)"/> and the flag reads).</threadsafety>
/// </remarks>
public interface IDriftDetector
{
    /// <summary>Gets the detector's registry name (<c>adwin</c>, <c>page-hinkley</c>, ...).</summary>
    string Name { get; }

    /// <summary>Gets a value indicating whether the last update detected a drift.</summary>
    bool DriftDetected { get; }

    /// <summary>Gets a value indicating whether the detector is in its warning zone (always <see langword="false"/> for detectors without one).</summary>
    bool WarningDetected { get; }

    /// <summary>Gets the number of non-finite values skipped since construction (not cleared by <see cref="Reset"/>).</summary>
    long SkippedCount { get; }

    /// <summary>Feeds one value to the detector.</summary>
    /// <param name="value">The value; NaN and ±∞ are skipped and counted.</param>
    void Update(double value);

    /// <summary>Feeds a run of values, as many calls to <see cref="Update(double)"/> would, and reports where the flags were set.</summary>
    /// <param name="values">The values, in stream order; NaN and ±∞ are skipped and counted.</param>
    /// <param name="drifts">Receives the indices (into <paramref name="values"/>) of the values after whose update <see cref="DriftDetected"/> was set; empty to ignore drifts.</param>
    /// <param name="warnings">Receives the indices of the values after whose update <see cref="WarningDetected"/> was set; empty to ignore warnings.</param>
    /// <returns>How many values were consumed and how many indices were written to each buffer.</returns>
    /// <remarks>
    /// <para>
    /// Skipped values get no index (their update leaves the flags as they were). The call stops right after the
    /// update that fills a non-empty buffer, so that no index is lost: <see cref="DetectorBatchResult.Consumed"/> is then
    /// less than the length of <paramref name="values"/> and the caller continues from there. Buffers as long as
    /// <paramref name="values"/> never stop it early. After the call, the flags describe the last consumed value.
    /// </para>
    /// <para>
    /// The default implementation loops over <see cref="Update(double)"/>; detectors may override it with a faster
    /// loop (ADWIN keeps its state in registers between clock ticks) that gives exactly the same results.
    /// </para>
    /// </remarks>
    DetectorBatchResult Update(ReadOnlySpan<double> values, Span<int> drifts, Span<int> warnings)
    {
        int driftCount = 0;
        int warningCount = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            Update(value);
            if (!double.IsFinite(value))
            {
                continue;
            }

            bool full = false;
            if (drifts.Length > 0 && DriftDetected)
            {
                drifts[driftCount++] = i;
                full = driftCount == drifts.Length;
            }

            if (warnings.Length > 0 && WarningDetected)
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

    /// <summary>Discards all state and clears both flags, as after construction.</summary>
    void Reset();

    /// <summary>Saves the detector's options and full state as a JSON snapshot (see <see cref="DriftDetectors.Restore"/>).</summary>
    /// <returns>The JSON text.</returns>
    string SaveSnapshot();
}
