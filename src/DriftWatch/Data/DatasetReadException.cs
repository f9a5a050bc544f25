namespace DriftWatch.Data;

/// <summary>A data file cannot be read; the message names the file and, where known, the line and column.</summary>
public sealed class DatasetReadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DatasetReadException"/> class.</summary>
    public DatasetReadException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DatasetReadException"/> class.</summary>
    /// <param name="message">What is wrong, starting with the file name.</param>
    public DatasetReadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DatasetReadException"/> class.</summary>
    /// <param name="message">What is wrong, starting with the file name.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
