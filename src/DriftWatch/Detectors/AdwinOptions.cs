using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Adwin"/>, named as River's <c>ADWIN</c> parameters.</summary>
public sealed class AdwinOptions
{
    /// <summary>Gets or sets the significance value δ of the cut test.</summary>
    /// <value>The default value is 0.002.</value>
    [JsonPropertyName("delta")]
    public double Delta { get; set; } = 0.002;

    /// <summary>Gets or sets how often (every how many values) the window is checked for a cut.</summary>
    /// <value>The default value is 32.</value>
    [JsonPropertyName("clock")]
    public int Clock { get; set; } = 32;

    /// <summary>Gets or sets the number of buckets of each size kept before two are merged.</summary>
    /// <value>The default value is 5.</value>
    [JsonPropertyName("max_buckets")]
    public int MaxBuckets { get; set; } = 5;

    /// <summary>Gets or sets the smallest length of either sub-window of a cut.</summary>
    /// <value>The default value is 5.</value>
    [JsonPropertyName("min_window_length")]
    public int MinWindowLength { get; set; } = 5;

    /// <summary>Gets or sets the window length below which no cut is checked.</summary>
    /// <value>The default value is 10.</value>
    [JsonPropertyName("grace_period")]
    public int GracePeriod { get; set; } = 10;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.Range(Delta, "delta", 0, 1, minExclusive: true, maxExclusive: true);
        DetectorGuard.AtLeast(Clock, "clock", 1);
        DetectorGuard.AtLeast(MaxBuckets, "max_buckets", 2);
        DetectorGuard.AtLeast(MinWindowLength, "min_window_length", 1);
        DetectorGuard.AtLeast(GracePeriod, "grace_period", 0);
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal AdwinOptions Clone() => (AdwinOptions)MemberwiseClone();
}
