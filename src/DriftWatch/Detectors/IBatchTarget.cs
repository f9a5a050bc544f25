namespace DriftWatch.Detectors;

/// <summary>A detector seen by <see cref="DetectorBatch"/>: implemented by a small struct per detector, so that the batch loop is compiled per detector with direct, inlinable calls.</summary>
internal interface IBatchTarget
{
    /// <summary>Gets a value indicating whether the last update detected a drift.</summary>
    bool DriftDetected { get; }

    /// <summary>Gets a value indicating whether the detector is in its warning zone.</summary>
    bool WarningDetected { get; }

    /// <summary>Feeds one value.</summary>
    /// <param name="value">The value.</param>
    void Update(double value);
}
