namespace DriftWatch.Statistics;

/// <summary>A drift method cannot be applied to the given samples; the message names the method and the reason.</summary>
public sealed class DriftMethodException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DriftMethodException"/> class.</summary>
    public DriftMethodException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DriftMethodException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public DriftMethodException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DriftMethodException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DriftMethodException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
