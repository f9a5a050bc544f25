namespace DriftWatch.Detectors;

/// <summary>An online change detector: fed one value at a time, it raises a drift (and, for some, a warning) flag.</summary>
/// <remarks>
/// <para>
/// Implementations follow River 0.26 (online-ml/river) update rules, parameter names and defaults, so that
/// a seeded run signals at the same indices as River does.
/// </para>
/// <para>
/// A drift flag holds for exactly one update: the next call to <see cref="Update"/> first discards all
/// state (as River does) and then processes its value. Non-finite values (NaN, ±∞) are skipped: they are
/// counted in <see cref="SkippedCount"/>, change neither state nor flags, and never enter the state.
/// </para>
/// <para>
/// <see cref="Update"/> allocates nothing and never reads a clock.
/// </para>
/// <threadsafety>Not thread-safe. A detector is a small mutable state machine: callers serialise access
/// (one detector per stream, or a lock around <see cref="Update"/> and the flag reads).</threadsafety>
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

    /// <summary>Discards all state and clears both flags, as after construction.</summary>
    void Reset();

    /// <summary>Saves the detector's options and full state as a JSON snapshot (see <see cref="DriftDetectors.Restore"/>).</summary>
    /// <returns>The JSON text.</returns>
    string SaveSnapshot();
}
