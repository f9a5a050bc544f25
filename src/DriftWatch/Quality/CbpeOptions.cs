using System.ComponentModel.DataAnnotations;

namespace DriftWatch.Quality;

/// <summary>Options for fitting a <see cref="CbpeEstimator"/>.</summary>
public sealed class CbpeOptions
{
    /// <summary>Gets or sets the rows per reference chunk used for the alert thresholds; use the size of the windows
    /// you will estimate on, so the thresholds reflect the same sampling noise.</summary>
    /// <value>The default value is 500.</value>
    [Range(2, int.MaxValue)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Gets or sets how many standard deviations of the reference chunks the alert thresholds lie from their mean.</summary>
    /// <value>The default value is 3.</value>
    [Range(0.0, 100.0)]
    public double ThresholdStandardDeviations { get; set; } = 3.0;

    /// <summary>Gets or sets how many sampling errors the confidence bounds lie from the estimate.</summary>
    /// <value>The default value is 3.</value>
    [Range(0.0, 100.0)]
    public double SamplingErrorRange { get; set; } = 3.0;
}
