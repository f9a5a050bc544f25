using DriftWatch.Detectors;

namespace DriftWatch.Monitoring;

/// <content>The concept-drift detector on the error stream, created from the detector registry.</content>
public sealed partial class DriftMonitor
{
    private IDriftDetector _detector = null!;

    private IDriftDetector CreateDetector()
    {
        try
        {
            return DriftDetectors.Create(_options.Detector, _options.DetectorOptions);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Drift monitor option Detector: {ex.Message}", nameof(DriftMonitorOptions.Detector), ex);
        }
    }
}
