namespace DriftWatch.AspNetCore.Drift;

/// <summary>A reference body is malformed; <see cref="Field"/> names where.</summary>
internal sealed class ReferenceFormatException : Exception
{
    public ReferenceFormatException()
    {
        Field = "body";
    }

    public ReferenceFormatException(string message)
        : base(message)
    {
        Field = "body";
    }

    public ReferenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "body";
    }

    public ReferenceFormatException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
