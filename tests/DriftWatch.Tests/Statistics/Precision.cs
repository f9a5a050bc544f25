namespace DriftWatch.Tests.Statistics;

/// <summary>Assertions for agreement with reference values.</summary>
internal static class Precision
{
    /// <summary>The relative tolerance the reference tests require.</summary>
    public const double Relative = 1e-9;

    /// <summary>The absolute tolerance used near zero.</summary>
    public const double Absolute = 1e-12;

    public static void AssertRelative(double expected, double actual, double relative = Relative, double absolute = Absolute, string? what = null)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        if (double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected {expected:R}, got {actual:R}");
            return;
        }

        var diff = Math.Abs(expected - actual);
        var ok = diff <= absolute || diff <= relative * Math.Abs(expected);
        Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R} (relative error {diff / Math.Abs(expected):E2})");
    }
}
