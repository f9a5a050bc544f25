using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>One exponentially weighted sample of <see cref="HddmW"/> (River's <c>SampleInfo</c>).</summary>
/// <remarks>
/// The weighted mean follows River's <c>stats.EWMean</c> exactly, including its quirk: while the mean is
/// exactly 0 the next value replaces it (so a run of zeros followed by a one jumps straight to 1). The
/// independent bound condition is ibc ← λ² + (1 − λ)²·ibc, starting at 1.
/// </remarks>
internal struct HddmSample
{
    /// <summary>Gets or sets the exponentially weighted mean.</summary>
    [JsonPropertyName("ewma")]
    public double Ewma { get; set; }

    /// <summary>Gets or sets the independent bound condition.</summary>
    [JsonPropertyName("ibc")]
    public double Ibc { get; set; }

    /// <summary>Gets or sets a value indicating whether the sample has seen a value.</summary>
    [JsonPropertyName("is_init")]
    public bool IsInit { get; set; }

    /// <summary>Gets an empty sample.</summary>
    public static HddmSample Empty => new() { Ewma = 0, Ibc = 1.0, IsInit = false };

    /// <summary>Adds a value.</summary>
    /// <param name="x">The value.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="lambdaSquared">λ².</param>
    /// <param name="complementSquared">(1 − λ)², as River computes it.</param>
    public void Update(double x, double lambda, double lambdaSquared, double complementSquared)
    {
        Ewma = Ewma == 0 ? x : (lambda * x) + ((1 - lambda) * Ewma);
        IsInit = true;
        Ibc = lambdaSquared + (complementSquared * Ibc);
    }
}
