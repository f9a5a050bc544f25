using DriftWatch.Statistics;
using DriftWatch.Statistics.Binning;

namespace DriftWatch.Tests.Statistics;

public sealed class SortedMergeTests
{
    [Theory]
    [InlineData("normal", 0, 5)]
    [InlineData("normal", 1, 1)]
    [InlineData("normal", 3, 2)]
    [InlineData("normal", 100_000, 80_001)]
    [InlineData("ties", 100_000, 100_000)]
    [InlineData("ties", 7, 30_000)]
    [InlineData("shared", 50_000, 50_000)]
    [InlineData("signedzeros", 20_000, 20_003)]
    [InlineData("constant", 10_000, 9_999)]
    public void CountDistinct_ManyShapes_AgreesWithBranchingMerge(string kind, int n1, int n2)
    {
        var random = new Random(n1 + n2);
        var a = Make(kind, n1, random);
        var b = Make(kind, n2, random);

        var expected = CategoryTable.CountDistinctUnion(a, b);
        var actual = SortedMerge.CountDistinct(a, b);

        Assert.Equal(expected, actual);
        Assert.Equal(expected, SortedMerge.CountDistinct(b, a));
    }

    [Theory]
    [InlineData("normal", 100_000, 80_001)]
    [InlineData("ties", 100_000, 100_000)]
    [InlineData("constant", 1_000, 10)]
    public void CountSortedInto_Sorted_SameCountsAsCountInto(string kind, int n1, int n2)
    {
        var random = new Random(n1 - n2);
        var a = Make(kind, n1, random);
        var b = Make(kind, n2, random);
        var bins = EqualWidthBins.Sturges(Math.Min(a[0], b[0]), Math.Max(a[^1], b[^1]), SortedMerge.CountDistinct(a, b));
        var byValue = new long[bins.Count];
        var bySearch = new long[bins.Count];

        var inside = bins.CountInto(a, byValue);
        var insideSorted = bins.CountSortedInto(a, bySearch);

        Assert.Equal(byValue, bySearch);
        Assert.Equal(inside, insideSorted);
    }

    private static double[] Make(string kind, int n, Random random)
    {
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                "ties" => Math.Round(Normal() * 30) / 30,
                "shared" => random.Next(0, 40_000) / 7.0,
                "signedzeros" => random.Next(3) switch { 0 => -0.0, 1 => 0.0, _ => Math.Round(Normal(), 2) },
                "constant" => 3.0,
                _ => Normal(),
            };
        }

        Array.Sort(values);
        return values;
    }
}
