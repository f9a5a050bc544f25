namespace DriftWatch.Serving.Models;

/// <summary>What a model predicts.</summary>
public enum ModelTask
{
    /// <summary><c>binary_classification</c>: a label 0 or 1 and the score (probability) of label 1.</summary>
    BinaryClassification = 0,

    /// <summary><c>regression</c>: a real number.</summary>
    Regression = 1,
}
