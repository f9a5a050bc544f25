namespace DriftWatch.Serving.Models;

/// <summary>A reference dataset does not fit its model's schema; <see cref="Problems"/> says where, one entry per column.</summary>
public sealed class ReferenceSchemaException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ReferenceSchemaException"/> class.</summary>
    public ReferenceSchemaException()
    {
        Problems = [];
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceSchemaException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ReferenceSchemaException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceSchemaException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReferenceSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Initializes a new instance of the <see cref="ReferenceSchemaException"/> class.</summary>
    /// <param name="source">The dataset's source (file name), which starts the message.</param>
    /// <param name="problems">The problems found (at least one).</param>
    public ReferenceSchemaException(string source, IReadOnlyList<ReferenceProblem> problems)
        : base($"{source}: {string.Join("; ", problems.Select(p => p.Message))}")
    {
        Problems = problems;
    }

    /// <summary>Gets the problems found, in schema order (a too-small dataset first).</summary>
    public IReadOnlyList<ReferenceProblem> Problems { get; }
}
