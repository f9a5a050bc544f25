namespace DriftWatch.Cli;

/// <summary>Bad input to a command: printed as one line on stderr with exit code 2.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
