using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class BucketedWassersteinTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var kind in new[] { "normal", "shifted", "ties", "integers", "narrow", "identical", "disjoint", "offset", "wide", "onesided", "outlier" })
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
    public void Distance_ManyShapes_AgreesWithSortedMerge(string kind, int n1, int n2)
    {
        var random = new Random(n1 + (3 * n2) + kind.Length);
        var a = BucketedSamples.Make(kind, n1, random, second: false);
        var b = kind == "identical" ? [.. a.Reverse()] : BucketedSamples.Make(kind, n2, random, second: true);

        var expected = SortedMerge.CdfDistance(a.Order().ToArray(), b.Order().ToArray(), squared: false);
        var actual = BucketedWasserstein.Distance(a, b);

        // NaN means "sort instead"; continuous data of a useful size must take the bucketed path.
        if (kind is "normal" or "shifted" or "onesided" or "disjoint" or "offset" && n1 + n2 >= BucketedWasserstein.MinimumPooled)
        {
            Assert.False(double.IsNaN(actual));
        }

        if (!double.IsNaN(actual))
        {
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected) + 1e-300, $"{actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void WassersteinMethod_LargeUnsortedSamples_AgreesWithSortedCache()
    {
        var random = new Random(9);
        var a = BucketedSamples.Make("shifted", 60_000, random, second: false);
        var b = BucketedSamples.Make("shifted", 45_000, random, second: true);
        DriftMethods.TryGet("wasserstein", out var w);
        var sortedRef = ColumnSample.FromNumbers(a);
        var sortedCur = ColumnSample.FromNumbers(b);
        sortedRef.GetSorted();
        sortedCur.GetSorted();

        var bucketed = w!.Compute(ColumnSample.FromNumbers(a), ColumnSample.FromNumbers(b), DriftProfile.Native, 0.1);
        var merged = w.Compute(sortedRef, sortedCur, DriftProfile.Native, 0.1);

        Precision.AssertRelative(merged.Score, bucketed.Score);
        Assert.Equal(merged.Detected, bucketed.Detected);
    }

    [Fact]
    public void Bucketed_RangeOverflowsOrCollapses_LeavesItToSorting()
    {
        var huge = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? double.MaxValue / (1 + (i % 7)) : double.MinValue / (1 + (i % 5))).ToArray();
        var constant = Enumerable.Repeat(4.25, 10_000).ToArray();

        Assert.True(double.IsNaN(BucketedWasserstein.Distance(huge, [.. huge.Reverse()])));
        Assert.True(double.IsNaN(BucketedWasserstein.Distance(constant, constant)));
    }
}
