using DriftWatch.Statistics.Binning;
using FsCheck;
using FsCheck.Xunit;

namespace DriftWatch.Tests.Statistics.Binning;

public sealed class QuantileBinsTests
{
    [Fact]
    public void FromSorted_ManyTies_RemovesDuplicateEdgesAndEndsWithInfinity()
    {
        double[] sorted = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3];

        var bins = QuantileBins.FromSorted(sorted);

        // numpy.unique(numpy.quantile(sorted, numpy.arange(1, 10) / 10)) (numpy 1.24.2), then +Inf.
        Assert.Equal([1.0, 1.2999999999999998, 2.0, 2.0999999999999996, double.PositiveInfinity], bins.UpperEdges);
    }

    [Fact]
    public void FromSorted_Constant_HasOneInnerEdge()
    {
        var bins = QuantileBins.FromSorted([5.0, 5.0, 5.0]);

        Assert.Equal([5.0, double.PositiveInfinity], bins.UpperEdges);
    }

    [Fact]
    public void FromSorted_SingleBin_IsOnlyInfinity()
    {
        var bins = QuantileBins.FromSorted([1.0, 2.0], binCount: 1);

        Assert.Equal([double.PositiveInfinity], bins.UpperEdges);
    }

    [Fact]
    public void FromSorted_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuantileBins.FromSorted([]));
    }

    [Fact]
    public void BinOf_ValueOnEdge_IsRightClosed()
    {
        var bins = QuantileBins.FromInnerEdges([1.0, 2.0]);

        Assert.Equal(
            [0, 0, 1, 1, 2, 2, 0, -1],
            new[] { 0.5, 1.0, 1.5, 2.0, 2.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN }.Select(bins.BinOf));
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 1.0, double.PositiveInfinity })]
    [InlineData(new[] { double.NaN })]
    public void FromInnerEdges_NotStrictlyIncreasingFinite_Throws(double[] edges)
    {
        Assert.Throws<ArgumentException>(() => QuantileBins.FromInnerEdges(edges));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void CountInto_AnyOrder_AgreesWithSortedCountAndBinOf(int innerEdges)
    {
        var random = new Random(3);
        var edges = Enumerable.Range(1, innerEdges).Select(i => i / 4.0).ToArray();
        var bins = QuantileBins.FromInnerEdges(edges);
        var values = Enumerable.Range(0, 5000).Select(_ => Math.Round(random.NextDouble() * (innerEdges + 2) / 4.0, 2)).ToArray();
        var sorted = values.Order().ToArray();

        var counts = new long[bins.Count];
        var sortedCounts = new long[bins.Count];
        var oneByOne = new long[bins.Count];
        bins.CountInto(values, counts);
        bins.CountSortedInto(sorted, sortedCounts);
        foreach (var v in values)
        {
            oneByOne[bins.BinOf(v)]++;
        }

        Assert.Equal(sortedCounts, counts);
        Assert.Equal(oneByOne, counts);
        Assert.Equal(values.Length, counts.Sum());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1001)]
    public void CountInto_NaNInfinitiesAndValuesOnEdges_AgreesWithBinOf(int n)
    {
        var random = new Random(n);
        var bins = QuantileBins.FromInnerEdges([-1.0, 0.0, 0.5, 2.0]);
        double[] special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, 0.0, -0.0, 0.5, 2.0, 2.0000000000000004];
        var values = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? special[random.Next(special.Length)] : (random.NextDouble() * 6) - 3).ToArray();

        var counts = new long[bins.Count];
        var oneByOne = new long[bins.Count];
        bins.CountInto(values, counts);
        foreach (var v in values)
        {
            var k = bins.BinOf(v);
            if (k >= 0)
            {
                oneByOne[k]++;
            }
        }

        Assert.Equal(oneByOne, counts);
        Assert.Equal(values.Count(v => !double.IsNaN(v)), counts.Sum());
    }

    [Fact]
    public void CountInto_ShortCounterSpan_Throws()
    {
        var bins = QuantileBins.FromInnerEdges([1.0]);

        Assert.Throws<ArgumentException>(() => bins.CountInto([0.5], new long[1]));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    [InlineData(0.35, 4.15)]
    [InlineData(0.5, 5.5)]
    [InlineData(0.999, 9.991)]
    public void Quantile_Linear_MatchesNumpy(double q, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(expected, QuantileBins.Quantile(sorted, q), 12);
    }

    [Property(Replay = "(20261127,12345)", MaxTest = 300)]
    public void FromUnsorted_AnyValues_SameEdgesAsFromSorted(NonEmptyArray<NormalFloat> values, PositiveInt binCount)
    {
        double[] data = [.. values.Get.Select(v => Math.Round(v.Get, 1))];
        var bins = 1 + (binCount.Get % 20);

        var fromSorted = QuantileBins.FromSorted(data.Order().ToArray(), bins);
        var fromUnsorted = QuantileBins.FromUnsorted(data, bins);

        Assert.Equal(fromSorted.UpperEdges, fromUnsorted.UpperEdges);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(100_003)]
    public void FromUnsorted_LargeWithTies_SameEdgesAsFromSortedAndInputUnchanged(int n)
    {
        var random = new Random(n);
        var data = Enumerable.Range(0, n).Select(_ => Math.Floor(random.NextDouble() * 50) / 7).ToArray();
        var copy = (double[])data.Clone();

        var fromUnsorted = QuantileBins.FromUnsorted(data);

        Assert.Equal(QuantileBins.FromSorted(data.Order().ToArray()).UpperEdges, fromUnsorted.UpperEdges);
        Assert.Equal(copy, data);
    }
}
