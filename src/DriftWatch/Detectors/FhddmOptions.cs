using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Fhddm"/>, named as River's <c>drift.binary.FHDDM</c> parameters.</summary>
public sealed class FhddmOptions
{
    /// <summary>Gets or sets the length of the sliding window.</summary>
    /// <value>The default value is 100.</value>
    [JsonPropertyName("sliding_window_size")]
    public int SlidingWindowSize { get; set; } = 100;

    /// <summary>Gets or sets δ of the Hoeffding bound ε = √(ln(1/δ)/(2n)).</summary>
    /// <value>The default value is 1e-6.</value>
    [JsonPropertyName("confidence_level")]
    public double ConfidenceLevel { get; set; } = 0.000001;

    /// <summary>Gets or sets the length of the short window of stacking FHDDM, or null for the classic detector.</summary>
    /// <value>The default value is null.</value>
    [JsonPropertyName("short_window_size")]
    public int? ShortWindowSize { get; set; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.AtLeast(SlidingWindowSize, "sliding_window_size", 1);
        DetectorGuard.Range(ConfidenceLevel, "confidence_level", 0, 1, minExclusive: true, maxExclusive: true);
        if (ShortWindowSize is int s)
        {
            DetectorGuard.AtLeast(s, "short_window_size", 1);
            if (s > SlidingWindowSize)
            {
                throw new ArgumentOutOfRangeException("short_window_size", "short_window_size must not exceed sliding_window_size.");
            }
        }
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal FhddmOptions Clone() => (FhddmOptions)MemberwiseClone();
}
