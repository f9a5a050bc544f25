using System.Globalization;
using System.Text;

namespace DriftWatch.Profiles;

/// <summary>Writes bin edges in Prometheus's float form, the form <c>le</c> label values take (<c>"1.0"</c>, <c>"0.25"</c>, <c>"+Inf"</c>).</summary>
/// <remarks>
/// Go's <c>strconv.FormatFloat(v, 'g', -1, 64)</c> (shortest round-trip digits; exponent form when the decimal exponent
/// is below −4 or at least 6, written <c>1e+06</c>), followed by <c>.0</c> when the text has neither a point nor an
/// exponent, and <c>+Inf</c>/<c>-Inf</c>/<c>NaN</c>: the OpenMetrics float form that Prometheus 3 gives classic
/// histogram <c>le</c> values, so recording rules that name an <c>le</c> match the series exported here.
/// Examples: 1 → <c>1.0</c>, 56000 → <c>56000.0</c>, 1234567 → <c>1.234567e+06</c>, 0.00001 → <c>1e-05</c>.
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class PrometheusFloat
{
    /// <summary>Formats a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var exponent = pointPosition - 1;
        var text = new StringBuilder();
        if (value < 0)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 6)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+');
            text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
            return text.ToString();
        }

        if (pointPosition <= 0)
        {
            text.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            text.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
        }
        else
        {
            text.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return text.ToString();
    }

    // The shortest round-trip significant digits (no leading or trailing zeros) and the position of the decimal
    // point relative to them: value = 0.d1d2... × 10^pointPosition.
    private static (string Digits, int PointPosition) ShortestDigits(double positive)
    {
        var shortest = positive.ToString("R", CultureInfo.InvariantCulture);

        // Normalise the round-trip text to digits and an exponent.
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt >= 0 ? shortest[..exponentAt] : shortest;
        var exponent = exponentAt >= 0 ? int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fraction = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var all = integerPart + fraction;
        var position = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        position -= leading;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, position);
    }
}
