namespace DriftWatch.Data;

/// <summary>The storage kind of a column as read from a file.</summary>
public enum ValueKind
{
    /// <summary>Floating-point numbers.</summary>
    Float = 0,

    /// <summary>Whole numbers (every non-missing value integral, as parsed).</summary>
    Integer = 1,

    /// <summary>Text.</summary>
    String = 2,
}
