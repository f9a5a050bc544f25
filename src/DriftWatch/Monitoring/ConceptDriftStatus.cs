namespace DriftWatch.Monitoring;

/// <summary>The online detector on the labelled error stream.</summary>
/// <param name="Detector">The detector's registry name, e.g. <c>adwin</c>.</param>
/// <param name="Outcomes">Labelled outcomes fed to it since the monitor started.</param>
/// <param name="Detections">Drifts it signalled since the monitor started.</param>
/// <param name="Warning">Whether it is in its warning zone now.</param>
/// <param name="LastDetection">When it last signalled, or <see langword="null"/>.</param>
/// <param name="LastDetectionOutcome">The 0-based outcome index of its last signal, or -1.</param>
public readonly record struct ConceptDriftStatus(
    string Detector, long Outcomes, long Detections, bool Warning, DateTimeOffset? LastDetection, long LastDetectionOutcome);
