using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>Options by River name: unknown keys, malformed, non-finite and out-of-range values are rejected with a message naming them.</summary>
public sealed class OptionValidationTests
{
    [Theory]
    [InlineData("adwin", "delta", "0")]
    [InlineData("adwin", "delta", "1")]
    [InlineData("adwin", "delta", "nan")]
    [InlineData("adwin", "clock", "0")]
    [InlineData("adwin", "max_buckets", "1")]
    [InlineData("adwin", "min_window_length", "0")]
    [InlineData("adwin", "grace_period", "-1")]
    [InlineData("page-hinkley", "threshold", "0")]
    [InlineData("page-hinkley", "alpha", "1.5")]
    [InlineData("page-hinkley", "delta", "-0.1")]
    [InlineData("page-hinkley", "min_instances", "0")]
    [InlineData("page-hinkley", "mode", "sideways")]
    [InlineData("kswin", "alpha", "-0.1")]
    [InlineData("kswin", "alpha", "1.1")]
    [InlineData("kswin", "window_size", "50")]
    [InlineData("kswin", "stat_size", "0")]
    [InlineData("kswin", "seed", "1.5")]
    [InlineData("ddm", "warm_start", "-1")]
    [InlineData("ddm", "drift_threshold", "inf")]
    [InlineData("eddm", "alpha", "0.5")]
    [InlineData("eddm", "beta", "2")]
    [InlineData("hddm-a", "drift_confidence", "0")]
    [InlineData("hddm-a", "two_sided_test", "maybe")]
    [InlineData("hddm-w", "lambda_val", "0")]
    [InlineData("hddm-w", "warning_confidence", "1")]
    [InlineData("fhddm", "sliding_window_size", "0")]
    [InlineData("fhddm", "short_window_size", "101")]
    [InlineData("fhddm", "confidence_level", "0")]
    [InlineData("cusum", "slack", "-1")]
    [InlineData("cusum", "threshold", "0")]
    [InlineData("ewma", "alpha", "0")]
    [InlineData("ewma", "threshold", "-inf")]
    [InlineData("shewhart", "k", "0")]
    [InlineData("shewhart", "min_instances", "0")]
    public void Create_BadValue_ThrowsNamingTheOption(string detector, string key, string value)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => DriftDetectors.Create(detector, new Dictionary<string, string> { [key] = value }));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Create_UnknownKey_ListsKnownOptions()
    {
        var ex = Assert.Throws<ArgumentException>(() => DriftDetectors.Create("ddm", new Dictionary<string, string> { ["delta"] = "1" }));

        Assert.StartsWith("Unknown option 'delta' for detector 'ddm'; known options: warm_start, warning_threshold, drift_threshold.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownDetector_Throws()
    {
        Assert.Throws<ArgumentException>(() => DriftDetectors.Create("adwin2"));
    }

    [Fact]
    public void Create_RiverNamesAndValues_Applied()
    {
        var detector = (PageHinkley)DriftDetectors.Create(
            "page-hinkley",
            new Dictionary<string, string> { ["min_instances"] = "10", ["delta"] = "0.01", ["threshold"] = "20", ["alpha"] = "0.999", ["mode"] = "down" });

        var o = detector.Options;
        Assert.Equal((10, 0.01, 20.0, 0.999, DetectorMode.Down), (o.MinInstances, o.Delta, o.Threshold, o.Alpha, o.Mode));
    }

    [Fact]
    public void Create_NoneForNullableOption_Accepted()
    {
        var fhddm = (Fhddm)DriftDetectors.Create("fhddm", new Dictionary<string, string> { ["short_window_size"] = "none" });

        Assert.Null(fhddm.Options.ShortWindowSize);
    }

    [Fact]
    public void Ctor_NaNDelta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adwin(new AdwinOptions { Delta = double.NaN }));
    }

    [Fact]
    public void Ctor_OptionsMutatedAfterwards_DetectorUnaffected()
    {
        var options = new DdmOptions { WarmStart = 3 };
        var ddm = new Ddm(options);

        options.WarmStart = 1000;

        Assert.Equal(3, ddm.Options.WarmStart);
    }

    [Fact]
    public void Names_AllElevenDetectors()
    {
        Assert.Equal(
            ["adwin", "cusum", "ddm", "eddm", "ewma", "fhddm", "hddm-a", "hddm-w", "kswin", "page-hinkley", "shewhart"],
            DriftDetectors.Names.Order(StringComparer.Ordinal));
    }
}
