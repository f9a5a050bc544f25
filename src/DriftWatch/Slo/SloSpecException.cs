namespace DriftWatch.Slo;

/// <summary>An SLO spec is invalid; the message is one line naming the SLO and field at fault.</summary>
public sealed class SloSpecException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SloSpecException"/> class.</summary>
    public SloSpecException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SloSpecException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public SloSpecException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SloSpecException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SloSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
