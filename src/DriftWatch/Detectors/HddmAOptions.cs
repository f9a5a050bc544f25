using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="HddmA"/>, named as River's <c>drift.binary.HDDM_A</c> parameters.</summary>
public sealed class HddmAOptions
{
    /// <summary>Gets or sets the confidence of the drift test.</summary>
    /// <value>The default value is 0.001.</value>
    [JsonPropertyName("drift_confidence")]
    public double DriftConfidence { get; set; } = 0.001;

    /// <summary>Gets or sets the confidence of the warning test.</summary>
    /// <value>The default value is 0.005.</value>
    [JsonPropertyName("warning_confidence")]
    public double WarningConfidence { get; set; } = 0.005;

    /// <summary>Gets or sets a value indicating whether decreases of the mean are monitored too.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    [JsonPropertyName("two_sided_test")]
    public bool TwoSidedTest { get; set; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.Range(DriftConfidence, "drift_confidence", 0, 1, minExclusive: true, maxExclusive: true);
        DetectorGuard.Range(WarningConfidence, "warning_confidence", 0, 1, minExclusive: true, maxExclusive: true);
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal HddmAOptions Clone() => (HddmAOptions)MemberwiseClone();
}
