using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="PageHinkley"/>, named as River's <c>PageHinkley</c> parameters.</summary>
public sealed class PageHinkleyOptions
{
    /// <summary>Gets or sets the number of values seen before a drift can be signalled.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("min_instances")]
    public int MinInstances { get; set; } = 30;

    /// <summary>Gets or sets the magnitude of change tolerated by the test.</summary>
    /// <value>The default value is 0.005.</value>
    [JsonPropertyName("delta")]
    public double Delta { get; set; } = 0.005;

    /// <summary>Gets or sets the detection threshold (lambda).</summary>
    /// <value>The default value is 50.</value>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; } = 50.0;

    /// <summary>Gets or sets the forgetting factor applied to the cumulative sums.</summary>
    /// <value>The default value is 1 - 0.0001.</value>
    [JsonPropertyName("alpha")]
    public double Alpha { get; set; } = 1 - 0.0001;

    /// <summary>Gets or sets the direction monitored.</summary>
    /// <value>The default value is <see cref="DetectorMode.Both"/>.</value>
    [JsonPropertyName("mode")]
    public DetectorMode Mode { get; set; } = DetectorMode.Both;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.AtLeast(MinInstances, "min_instances", 1);
        DetectorGuard.Range(Delta, "delta", 0, double.MaxValue);
        DetectorGuard.Range(Threshold, "threshold", 0, double.MaxValue, minExclusive: true);
        DetectorGuard.Range(Alpha, "alpha", 0, 1, minExclusive: true);
        DetectorGuard.Defined(Mode, "mode");
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal PageHinkleyOptions Clone() => (PageHinkleyOptions)MemberwiseClone();
}
