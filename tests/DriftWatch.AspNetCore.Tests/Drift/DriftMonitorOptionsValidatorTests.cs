using DriftWatch.AspNetCore.Drift;
using DriftWatch.Monitoring;

namespace DriftWatch.AspNetCore.Tests.Drift;

public sealed class DriftMonitorOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsAndKnownDetectorOption_Succeeds()
    {
        var options = new DriftMonitorOptions();
        options.DetectorOptions["min_window_length"] = "10";

        var result = new DriftMonitorOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("bogus", "1", "Unknown option 'bogus' for detector 'adwin'")]
    [InlineData("delta", "2", "delta must be a finite number in (0, 1), got 2.")]
    public void Validate_BadDetectorOption_FailsNamingTheOption(string key, string value, string expected)
    {
        var options = new DriftMonitorOptions();
        options.DetectorOptions[key] = value;

        var result = new DriftMonitorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures);
        Assert.StartsWith("DriftWatch:Drift:DetectorOptions: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeOption_FailsWithoutParameterSuffix()
    {
        var options = new DriftMonitorOptions { WindowSize = 5 };

        var result = new DriftMonitorOptionsValidator().Validate(null, options);

        Assert.Equal("DriftWatch:Drift: Drift monitor option WindowSize must be at least 10.", Assert.Single(Assert.IsAssignableFrom<IEnumerable<string>>(result.Failures)));
    }

    [Fact]
    public void Validate_UnknownFeatureMethod_FailsNamingFeatureAndMethod()
    {
        var options = new DriftMonitorOptions();
        options.FeatureMethods["age"] = "ks";
        options.FeatureMethods["income"] = "bogus";

        var result = new DriftMonitorOptionsValidator().Validate(null, options);

        var message = Assert.Single(Assert.IsAssignableFrom<IEnumerable<string>>(result.Failures));
        Assert.StartsWith("DriftWatch:Drift:FeatureMethods:income: unknown method 'bogus' (known: ks, ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPredictionMethod_Fails()
    {
        var options = new DriftMonitorOptions { PredictionMethod = "KS" };

        var result = new DriftMonitorOptionsValidator().Validate(null, options);

        var message = Assert.Single(Assert.IsAssignableFrom<IEnumerable<string>>(result.Failures));
        Assert.StartsWith("DriftWatch:Drift:PredictionMethod: unknown method 'KS'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KnownMethods_Succeeds()
    {
        var options = new DriftMonitorOptions { PredictionMethod = "psi" };
        options.FeatureMethods["device_type"] = "TVD";

        Assert.True(new DriftMonitorOptionsValidator().Validate(null, options).Succeeded);
    }
}
