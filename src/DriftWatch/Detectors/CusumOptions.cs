using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Cusum"/>, named as River's <c>drift.CUSUM</c> parameters.</summary>
public sealed class CusumOptions
{
    /// <summary>Gets or sets the warm-up length over which the reference mean and deviation are estimated.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("min_instances")]
    public int MinInstances { get; set; } = 30;

    /// <summary>Gets or sets the slack k, in reference standard deviations.</summary>
    /// <value>The default value is 0.5.</value>
    [JsonPropertyName("slack")]
    public double Slack { get; set; } = 0.5;

    /// <summary>Gets or sets the decision interval h, in reference standard deviations.</summary>
    /// <value>The default value is 5.</value>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; } = 5.0;

    /// <summary>Gets or sets the direction monitored.</summary>
    /// <value>The default value is <see cref="DetectorMode.Both"/>.</value>
    [JsonPropertyName("mode")]
    public DetectorMode Mode { get; set; } = DetectorMode.Both;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.AtLeast(MinInstances, "min_instances", 1);
        DetectorGuard.Range(Slack, "slack", 0, double.MaxValue);
        DetectorGuard.Range(Threshold, "threshold", 0, double.MaxValue, minExclusive: true);
        DetectorGuard.Defined(Mode, "mode");
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal CusumOptions Clone() => (CusumOptions)MemberwiseClone();
}
