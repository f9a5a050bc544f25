using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Shewhart"/>, named as River's <c>drift.Shewhart</c> parameters.</summary>
public sealed class ShewhartOptions
{
    /// <summary>Gets or sets the width k of the control limits, in reference standard deviations.</summary>
    /// <value>The default value is 3.</value>
    [JsonPropertyName("k")]
    public double K { get; set; } = 3.0;

    /// <summary>Gets or sets the warm-up length over which the center line and deviation are estimated.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("min_instances")]
    public int MinInstances { get; set; } = 30;

    /// <summary>Gets or sets the direction monitored.</summary>
    /// <value>The default value is <see cref="DetectorMode.Both"/>.</value>
    [JsonPropertyName("mode")]
    public DetectorMode Mode { get; set; } = DetectorMode.Both;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.Range(K, "k", 0, double.MaxValue, minExclusive: true);
        DetectorGuard.AtLeast(MinInstances, "min_instances", 1);
        DetectorGuard.Defined(Mode, "mode");
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal ShewhartOptions Clone() => (ShewhartOptions)MemberwiseClone();
}
