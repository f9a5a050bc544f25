using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class ContinuousMethodsEdgeCaseTests
{
    public static TheoryData<string> Methods() =>
        ["ks", "anderson", "cramer_von_mises", "mannw", "es", "t_test", "ed", "wasserstein", "empirical_mmd"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Compute_EmptyCurrent_ThrowsNamingMethod(string method)
    {
        DriftMethods.TryGet(method, out var m);
        var reference = ColumnSample.FromNumbers([1.0, 2.0, 3.0]);
        var current = ColumnSample.FromNumbers([double.NaN, double.PositiveInfinity]);

        var ex = Assert.Throws<DriftMethodException>(() => m!.Compute(reference, current, DriftProfile.Native, 0.05));

        Assert.Equal($"Method '{method}': the current sample is empty after dropping NaN and infinite values.", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Compute_EmptyReference_ThrowsNamingMethod(string method)
    {
        DriftMethods.TryGet(method, out var m);

        var ex = Assert.Throws<DriftMethodException>(() =>
            m!.Compute(ColumnSample.FromNumbers([]), ColumnSample.FromNumbers([1.0]), DriftProfile.Evidently, 0.05));

        Assert.Equal($"Method '{method}': the reference sample is empty after dropping NaN and infinite values.", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Supports_Categorical_False(string method)
    {
        DriftMethods.TryGet(method, out var m);

        Assert.False(m!.Supports(ColumnType.Categorical));
        Assert.True(m.Supports(ColumnType.Numerical));
    }

    [Theory]
    [InlineData("ks", 0.05)]
    [InlineData("mannw", 0.05)]
    [InlineData("es", 0.05)]
    [InlineData("t_test", 0.05)]
    [InlineData("anderson", 0.1)]
    [InlineData("cramer_von_mises", 0.1)]
    [InlineData("ed", 0.1)]
    [InlineData("wasserstein", 0.1)]
    [InlineData("empirical_mmd", 0.1)]
    public void DefaultThreshold_BothProfiles_EvidentlyDefaults(string method, double expected)
    {
        DriftMethods.TryGet(method, out var m);

        Assert.Equal(expected, m!.DefaultThreshold(DriftProfile.Evidently));
        Assert.Equal(expected, m.DefaultThreshold(DriftProfile.Native));
    }

    [Fact]
    public void Compute_SingleValueEachSide_KsIsExactAndDistancesAreGaps()
    {
        DriftMethods.TryGet("ks", out var ks);
        DriftMethods.TryGet("ed", out var ed);
        var reference = ColumnSample.FromNumbers([1.0]);
        var current = ColumnSample.FromNumbers([3.0]);

        var k = ks!.Compute(reference, current, DriftProfile.Native, 0.05);
        var e = ed!.Compute(reference, current, DriftProfile.Native, 0.1);

        // scipy: ks_2samp([1], [3]) = (1.0, 1.0); energy_distance([1], [3]) = sqrt(2·2) = 2.
        Assert.Equal(1.0, k.Statistic);
        Assert.Equal(1.0, k.PValue);
        Assert.Equal(2.0, e.Score, 15);
    }

    [Fact]
    public void Compute_TTestConstantEqualSamples_NaNPValueIsNeverDrift()
    {
        DriftMethods.TryGet("t_test", out var t);

        var r = t!.Compute(ColumnSample.FromNumbers([2.0, 2.0, 2.0]), ColumnSample.FromNumbers([2.0, 2.0]), DriftProfile.Evidently, 0.05);

        Assert.True(double.IsNaN(r.PValue!.Value));
        Assert.False(r.Detected);
    }

    [Fact]
    public void Compute_SignedZeros_TreatedAsEqual()
    {
        DriftMethods.TryGet("ks", out var ks);
        DriftMethods.TryGet("wasserstein", out var w);
        var reference = ColumnSample.FromNumbers([-0.0, -0.0, 1.0]);
        var current = ColumnSample.FromNumbers([0.0, 0.0, 1.0]);

        Assert.Equal(0.0, ks!.Compute(reference, current, DriftProfile.Native, 0.05).Statistic);
        Assert.Equal(0.0, w!.Compute(reference, current, DriftProfile.Native, 0.1).Score);
    }

    [Fact]
    public void Compute_MannWhitney_EvidentlyOneSidedNativeTwoSided()
    {
        DriftMethods.TryGet("mannw", out var m);
        var low = ColumnSample.FromNumbers([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        var high = ColumnSample.FromNumbers([11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0]);

        // Current below reference: "less" (Evidently) sees nothing, two-sided (native) flags it.
        var evidently = m!.Compute(high, low, DriftProfile.Evidently, 0.05);
        var native = m.Compute(high, low, DriftProfile.Native, 0.05);

        Assert.False(evidently.Detected);
        Assert.True(native.Detected);
    }

    [Fact]
    public void Compute_EsZeroIqr_ThrowsNamingMethod()
    {
        DriftMethods.TryGet("es", out var es);
        var reference = ColumnSample.FromNumbers([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0]);
        var current = ColumnSample.FromNumbers([1.0, 1.0, 1.0, 1.0, 1.0, 0.0]);

        var ex = Assert.Throws<DriftMethodException>(() => es!.Compute(reference, current, DriftProfile.Evidently, 0.05));

        Assert.Equal("Method 'es': the interquartile range of the pooled sample is 0 (no variability in its middle half).", ex.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50_000)]
    [InlineData(300_000)]
    public void RadixSort_MixedSignsAndMagnitudes_SortsLikeArraySort(int n)
    {
        var random = new Random(7);
        var values = new double[n];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
        }

        values[0] = 0.0;
        values[1] = double.MaxValue;
        values[2] = double.MinValue;
        values[3] = double.Epsilon;
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void RadixSort_NarrowRange_SkipsPassesAndSorts()
    {
        var random = new Random(11);
        var values = new double[10_000];
        for (var i = 0; i < values.Length; i++)
        {
            // 1, 1.25, 1.5, 1.75 differ in two mantissa bits only: a single radix pass, done in place.
            values[i] = 1.0 + (0.25 * random.Next(0, 4));
        }

        var expected = (double[])values.Clone();
        Array.Sort(expected);
        var destination = new double[values.Length];

        RadixSort.SortInto(values, destination);
        RadixSort.Sort(values);

        Assert.Equal(expected, destination);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void KolmogorovSmirnov_TwoSidedPValue_LargeSamplesUseKstwo()
    {
        // 20 000 vs 20 000: asymptotic branch, scipy 1.10.1 kstwo.sf(0.015, 10000).
        var p = KolmogorovSmirnov.TwoSidedPValue(0.015, 20_000, 20_000);

        Precision.AssertRelative(0.02199415742419252, p);
    }
}
