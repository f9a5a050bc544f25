using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DriftWatch.Slo;

/// <summary>Prometheus duration strings (<c>5m</c>, <c>1h30m</c>, <c>30d</c>), parsed and formatted as Prometheus does.</summary>
/// <remarks>
/// Format follows Prometheus <c>model.Duration.String()</c>: units <c>w</c>, <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>
/// from the largest down, zero units omitted; so <c>72h</c> is written <c>3d</c>. Years are not used because
/// Prometheus treats a year as 365 days, which no SLO period here needs.
/// </remarks>
internal static partial class PromDuration
{
    private static readonly (string Unit, long Milliseconds)[] Units =
    [
        ("w", 7L * 24 * 3600 * 1000),
        ("d", 24L * 3600 * 1000),
        ("h", 3600L * 1000),
        ("m", 60L * 1000),
        ("s", 1000L),
        ("ms", 1L),
    ];

    /// <summary>Parses a Prometheus duration.</summary>
    /// <param name="text">The text, e.g. <c>30d</c> or <c>1h30m</c>.</param>
    /// <param name="value">The duration when valid and positive.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a positive Prometheus duration.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !DurationPattern().IsMatch(text))
        {
            return false;
        }

        long total = 0;
        foreach (Match part in PartPattern().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            var unit = part.Groups[2].Value;
            var scale = unit == "y" ? 365L * 24 * 3600 * 1000 : Array.Find(Units, u => u.Unit == unit).Milliseconds;
            total += amount * scale;
        }

        value = TimeSpan.FromMilliseconds(total);
        return total > 0;
    }

    /// <summary>Formats a duration the way Prometheus prints it.</summary>
    /// <param name="value">A positive duration with whole milliseconds.</param>
    /// <returns>The text, e.g. <c>3d</c> or <c>1h52m</c>.</returns>
    public static string Format(TimeSpan value)
    {
        var remaining = (long)value.TotalMilliseconds;
        if (remaining <= 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        foreach (var (unit, ms) in Units)
        {
            // Prometheus prints whole weeks only when nothing smaller remains (7d is "1w", 8d is "8d").
            if (unit == "w" && remaining % ms != 0)
            {
                continue;
            }

            if (remaining >= ms)
            {
                text.Append((remaining / ms).ToString(CultureInfo.InvariantCulture)).Append(unit);
                remaining %= ms;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(\d+(y|w|d|h|ms|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+)(y|w|d|h|ms|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
