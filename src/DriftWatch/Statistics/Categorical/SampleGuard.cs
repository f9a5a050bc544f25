using System.Globalization;

namespace DriftWatch.Statistics.Categorical;

/// <summary>Argument checks shared by the binned and categorical methods.</summary>
internal static class SampleGuard
{
    /// <summary>Throws when either sample is missing or empty.</summary>
    /// <param name="method">The method name, for the message.</param>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="DriftMethodException">A sample is empty.</exception>
    public static void RequireNonEmpty(string method, ColumnSample reference, ColumnSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count == 0 || current.Count == 0)
        {
            throw new DriftMethodException(string.Create(
                CultureInfo.InvariantCulture,
                $"{method}: the {(reference.Count == 0 ? "reference" : "current")} sample has no values after dropping missing and infinite ones."));
        }
    }
}
