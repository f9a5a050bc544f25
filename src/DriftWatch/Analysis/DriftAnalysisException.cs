namespace DriftWatch.Analysis;

/// <summary>Two datasets cannot be compared; the message names the file, column or method at fault.</summary>
public sealed class DriftAnalysisException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DriftAnalysisException"/> class.</summary>
    public DriftAnalysisException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DriftAnalysisException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public DriftAnalysisException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DriftAnalysisException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DriftAnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
