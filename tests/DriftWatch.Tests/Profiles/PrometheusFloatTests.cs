using FsCheck.Xunit;
using DriftWatch.Profiles;

namespace DriftWatch.Tests.Profiles;

public sealed class PrometheusFloatTests
{
    // Expected strings are Go's strconv.FormatFloat(v, 'g', -1, 64) plus ".0" when there is no point or exponent,
    // as client_golang's OpenMetrics encoder writes them.
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(56000.0, "56000.0")]
    [InlineData(100000.0, "100000.0")]
    [InlineData(123456.7, "123456.7")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(10407.917000000001, "10407.917000000001")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Format_Value_GoFloatForm(double value, string expected)
    {
        var text = PrometheusFloat.Format(value);

        Assert.Equal(expected, text);
    }

    [Property]
    public bool Format_FiniteValue_RoundTrips(double value)
    {
        if (!double.IsFinite(value))
        {
            return true;
        }

        var text = PrometheusFloat.Format(value);

        return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Equals(value)
            && (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal));
    }
}
