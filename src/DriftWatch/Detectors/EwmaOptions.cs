using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Ewma"/>, named as River's <c>drift.EWMA</c> parameters.</summary>
public sealed class EwmaOptions
{
    /// <summary>Gets or sets the weight α of the newest value in the chart statistic, in (0, 1].</summary>
    /// <value>The default value is 0.1.</value>
    [JsonPropertyName("alpha")]
    public double Alpha { get; set; } = 0.1;

    /// <summary>Gets or sets the width of the control limits, in EWMA standard errors.</summary>
    /// <value>The default value is 4.</value>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; } = 4.0;

    /// <summary>Gets or sets the number of values seen before a drift can be signalled.</summary>
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
        DetectorGuard.Range(Alpha, "alpha", 0, 1, minExclusive: true);
        DetectorGuard.Range(Threshold, "threshold", 0, double.MaxValue, minExclusive: true);
        DetectorGuard.AtLeast(MinInstances, "min_instances", 1);
        DetectorGuard.Defined(Mode, "mode");
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal EwmaOptions Clone() => (EwmaOptions)MemberwiseClone();
}
