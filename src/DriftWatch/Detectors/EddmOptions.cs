using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Eddm"/>, named as River's <c>drift.binary.EDDM</c> parameters.</summary>
public sealed class EddmOptions
{
    /// <summary>Gets or sets the number of values, and of errors, seen before a warning or drift can be signalled.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("warm_start")]
    public int WarmStart { get; set; } = 30;

    /// <summary>Gets or sets the warning level (must be ≥ <see cref="Beta"/>).</summary>
    /// <value>The default value is 0.95.</value>
    [JsonPropertyName("alpha")]
    public double Alpha { get; set; } = 0.95;

    /// <summary>Gets or sets the drift level.</summary>
    /// <value>The default value is 0.9.</value>
    [JsonPropertyName("beta")]
    public double Beta { get; set; } = 0.9;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.AtLeast(WarmStart, "warm_start", 0);
        DetectorGuard.Range(Alpha, "alpha", 0, 1);
        DetectorGuard.Range(Beta, "beta", 0, 1);
        if (Alpha < Beta)
        {
            throw new ArgumentOutOfRangeException("alpha", "alpha must be greater than or equal to beta.");
        }
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal EddmOptions Clone() => (EddmOptions)MemberwiseClone();
}
