using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Running mean and sample variance (ddof = 1) exactly as River's <c>stats.Mean</c> and <c>stats.Var</c> compute them.</summary>
/// <remarks>
/// Welford's update: n ← n + 1, x̄ ← x̄ + (x − x̄)/n, and for n &gt; 1, s² ← s² + ((x − x̄_old)(x − x̄) − s²)/(n − 1).
/// The variance is 0 until two values were seen.
/// </remarks>
internal struct RunningMoments
{
    /// <summary>Gets or sets the number of values.</summary>
    [JsonPropertyName("n")]
    public double Count { get; set; }

    /// <summary>Gets or sets the mean.</summary>
    [JsonPropertyName("mean")]
    public double Mean { get; set; }

    /// <summary>Gets or sets the sample variance.</summary>
    [JsonPropertyName("variance")]
    public double Variance { get; set; }

    /// <summary>Adds a value.</summary>
    /// <param name="x">The value.</param>
    public void Update(double x)
    {
        double oldMean = Mean;
        Count += 1.0;
        Mean += (x - Mean) / Count;
        if (Count > 1)
        {
            Variance += (((x - oldMean) * (x - Mean)) - Variance) / (Count - 1);
        }
    }
}
