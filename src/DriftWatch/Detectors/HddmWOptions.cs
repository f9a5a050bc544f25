using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="HddmW"/>, named as River's <c>drift.binary.HDDM_W</c> parameters.</summary>
public sealed class HddmWOptions
{
    /// <summary>Gets or sets the confidence of the drift test.</summary>
    /// <value>The default value is 0.001.</value>
    [JsonPropertyName("drift_confidence")]
    public double DriftConfidence { get; set; } = 0.001;

    /// <summary>Gets or sets the confidence of the warning test.</summary>
    /// <value>The default value is 0.005.</value>
    [JsonPropertyName("warning_confidence")]
    public double WarningConfidence { get; set; } = 0.005;

    /// <summary>Gets or sets the weight λ of the newest value in the exponentially weighted means.</summary>
    /// <value>The default value is 0.05.</value>
    [JsonPropertyName("lambda_val")]
    public double LambdaVal { get; set; } = 0.05;

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
        DetectorGuard.Range(LambdaVal, "lambda_val", 0, 1, minExclusive: true);
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal HddmWOptions Clone() => (HddmWOptions)MemberwiseClone();
}
