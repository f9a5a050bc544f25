namespace DriftWatch.Serving.Models;

/// <summary>The type of a model input feature.</summary>
public enum FeatureKind
{
    /// <summary>A real number (JSON number); a training range is known.</summary>
    Numeric = 0,

    /// <summary>A string from a known set of categories (JSON string).</summary>
    Categorical = 1,
}
