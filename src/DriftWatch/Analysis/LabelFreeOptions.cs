using System.ComponentModel.DataAnnotations;

namespace DriftWatch.Analysis;

/// <summary>Options for <see cref="LabelFreeEvaluator"/>.</summary>
public sealed class LabelFreeOptions
{
    /// <summary>Gets or sets the rows per reference chunk for the CBPE and reconstruction thresholds (use the window size
    /// when the reference holds at least two windows).</summary>
    /// <value>The default value is 500.</value>
    [Range(2, int.MaxValue)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Gets or sets the score at or above which the model predicts label 1.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.0, 1.0)]
    public double DecisionThreshold { get; set; } = 0.5;
}
