using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class BucketedKolmogorovSmirnovTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var kind in new[] { "normal", "shifted", "ties", "integers", "narrow", "identical", "disjoint", "signedzeros", "wide", "onesided" })
        {
            data.Add(kind, 7, 5);
            data.Add(kind, 1_000, 3_000);
            data.Add(kind, 100_000, 100_000);
            data.Add(kind, 50_000, 120_001);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Statistic_ManyShapes_BitForBitAsSortedMerge(string kind, int n1, int n2)
    {
        var random = new Random(n1 + n2 + kind.Length);
        var a = BucketedSamples.Make(kind, n1, random, second: false);
        var b = kind == "identical" ? (double[])a.Clone() : BucketedSamples.Make(kind, n2, random, second: true);
        var sa = a.Order().ToArray();
        var sb = b.Order().ToArray();

        var expected = KolmogorovSmirnov.StatisticSorted(sa, sb);
        var actual = BucketedKolmogorovSmirnov.Statistic(a, b);
        var swapped = BucketedKolmogorovSmirnov.Statistic(b, a);

        // NaN means "sort instead" (too many values would be gathered); continuous data must take the bucketed path.
        if (kind is "normal" or "shifted" or "onesided" or "disjoint" && n1 + n2 >= BucketedKolmogorovSmirnov.MinimumPooled)
        {
            Assert.False(double.IsNaN(actual));
        }

        if (!double.IsNaN(actual))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }

        if (!double.IsNaN(swapped))
        {
            Assert.Equal(KolmogorovSmirnov.StatisticSorted(sb, sa), swapped);
        }
    }

    [Fact]
    public void KsMethod_LargeUnsortedSamples_SameResultAsWithSortedCache()
    {
        var random = new Random(5);
        var a = BucketedSamples.Make("ties", 40_000, random, second: false);
        var b = BucketedSamples.Make("shifted", 30_000, random, second: true);
        DriftMethods.TryGet("ks", out var ks);
        var sortedRef = ColumnSample.FromNumbers(a);
        var sortedCur = ColumnSample.FromNumbers(b);
        sortedRef.GetSorted();
        sortedCur.GetSorted();

        var bucketed = ks!.Compute(ColumnSample.FromNumbers(a), ColumnSample.FromNumbers(b), DriftProfile.Native, 0.05);
        var merged = ks.Compute(sortedRef, sortedCur, DriftProfile.Native, 0.05);

        Assert.Equal(merged, bucketed);
    }

    [Fact]
    public void Bucketed_RangeOverflowsOrCollapses_LeavesItToSorting()
    {
        var huge = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? double.MaxValue / (1 + (i % 7)) : double.MinValue / (1 + (i % 5))).ToArray();
        var constant = Enumerable.Repeat(4.25, 10_000).ToArray();

        Assert.True(double.IsNaN(BucketedKolmogorovSmirnov.Statistic(huge, [.. huge.Reverse()])));
        Assert.True(double.IsNaN(BucketedKolmogorovSmirnov.Statistic(constant, constant)));
    }
}
