using System.ComponentModel.DataAnnotations;

namespace DriftWatch.Multivariate;

/// <summary>Options for fitting a <see cref="DataReconstructionDrift"/>.</summary>
public sealed class ReconstructionOptions
{
    /// <summary>Gets or sets the rows per reference chunk used for the thresholds; use the size of the windows you evaluate.</summary>
    /// <value>The default value is 500.</value>
    [Range(2, int.MaxValue)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Gets or sets the share of variance the kept principal components must explain.</summary>
    /// <value>The default value is 0.65 (NannyML's default).</value>
    [Range(0.0, 1.0)]
    public double VarianceToKeep { get; set; } = 0.65;

    /// <summary>Gets or sets how many standard deviations of the reference chunks the thresholds lie from their mean.</summary>
    /// <value>The default value is 3.</value>
    [Range(0.0, 100.0)]
    public double ThresholdStandardDeviations { get; set; } = 3.0;

    /// <summary>Gets or sets the quantile of the reference rows' errors above which a row is an outlier.</summary>
    /// <value>The default value is 0.999.</value>
    [Range(0.0, 1.0)]
    public double OutlierQuantile { get; set; } = 0.999;

    /// <summary>Gets or sets how many outliers (largest errors first) a result lists.</summary>
    /// <value>The default value is 20.</value>
    [Range(0, 10_000)]
    public int MaxOutliersListed { get; set; } = 20;

    /// <summary>Gets or sets how many of its most unusual features an outlier lists.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 1_000)]
    public int UnusualFeatures { get; set; } = 3;
}
