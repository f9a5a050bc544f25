using System.Globalization;

namespace DriftWatch.Detectors;

/// <summary>Option checks shared by the detectors; each throws with the River parameter name.</summary>
internal static class DetectorGuard
{
    /// <summary>Checks <paramref name="value"/> is finite and in [<paramref name="min"/>, <paramref name="max"/>] (or the open ends).</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The River parameter name.</param>
    /// <param name="min">The lower limit.</param>
    /// <param name="max">The upper limit.</param>
    /// <param name="minExclusive">Whether <paramref name="min"/> itself is out of range.</param>
    /// <param name="maxExclusive">Whether <paramref name="max"/> itself is out of range.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or out of range.</exception>
    public static void Range(double value, string name, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        // NaN fails every comparison, so test finiteness first (ThrowIfGreaterThan lets NaN through).
        bool ok = double.IsFinite(value)
            && (minExclusive ? value > min : value >= min)
            && (maxExclusive ? value < max : value <= max);
        if (!ok)
        {
            string low = minExclusive ? "(" : "[";
            string high = maxExclusive ? ")" : "]";
            throw new ArgumentOutOfRangeException(
                name,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number in {low}{Format(min)}, {Format(max)}{high}, got {Format(value)}."));
        }
    }

    /// <summary>Checks an integer option is at least <paramref name="min"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The River parameter name.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is smaller.</exception>
    public static void AtLeast(int value, string name, int min)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(
                name,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer >= {min}, got {value}."));
        }
    }

    /// <summary>Checks an enum option holds a defined value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="name">The River parameter name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static void Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}.");
        }
    }

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
