using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Ddm"/>, named as River's <c>drift.binary.DDM</c> parameters.</summary>
public sealed class DdmOptions
{
    /// <summary>Gets or sets the number of values seen before a warning or drift can be signalled.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("warm_start")]
    public int WarmStart { get; set; } = 30;

    /// <summary>Gets or sets the warning threshold, in standard deviations.</summary>
    /// <value>The default value is 2.</value>
    [JsonPropertyName("warning_threshold")]
    public double WarningThreshold { get; set; } = 2.0;

    /// <summary>Gets or sets the drift threshold, in standard deviations.</summary>
    /// <value>The default value is 3.</value>
    [JsonPropertyName("drift_threshold")]
    public double DriftThreshold { get; set; } = 3.0;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.AtLeast(WarmStart, "warm_start", 0);
        DetectorGuard.Range(WarningThreshold, "warning_threshold", 0, double.MaxValue);
        DetectorGuard.Range(DriftThreshold, "drift_threshold", 0, double.MaxValue);
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal DdmOptions Clone() => (DdmOptions)MemberwiseClone();
}
