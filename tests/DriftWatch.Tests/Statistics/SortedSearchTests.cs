using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class SortedSearchTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 1)]
    [InlineData(2.0, 4)]
    [InlineData(2.5, 4)]
    [InlineData(3.0, 5)]
    [InlineData(9.0, 5)]
    public void UpperBound_WithTies_CountsValuesAtOrBelow(double x, int expected)
    {
        double[] sorted = [1.0, 2.0, 2.0, 2.0, 3.0];

        var count = SortedSearch.UpperBound(sorted, x);

        Assert.Equal(expected, count);
    }

    [Fact]
    public void UpperBound_Empty_ReturnsZero()
    {
        var count = SortedSearch.UpperBound([], 1.0);

        Assert.Equal(0, count);
    }
}
