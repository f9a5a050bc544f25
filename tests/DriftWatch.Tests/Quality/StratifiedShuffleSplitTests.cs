using DriftWatch.Quality;

namespace DriftWatch.Tests.Quality;

public sealed class StratifiedShuffleSplitTests
{
    [Fact]
    public void TestSets_ImbalancedLabels_KeepClassShareInEverySplit()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i % 5 == 0 ? 1 : 0).ToArray();

        var sets = StratifiedShuffleSplit.TestSets(labels, 10, 0.1, 42);

        Assert.Equal(10, sets.Length);
        Assert.All(sets, s =>
        {
            Assert.Equal(100, s.Length);
            Assert.Equal(20, s.Count(i => labels[i] == 1));
            Assert.Equal(s.Length, s.Distinct().Count());
        });
        Assert.True(sets.Select(s => string.Join(',', s)).Distinct().Count() == 10, "the splits differ");
    }

    [Fact]
    public void TestSets_SameSeed_SameSplits()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1 : 0).ToArray();

        var first = StratifiedShuffleSplit.TestSets(labels, 3, 0.1, 42);
        var second = StratifiedShuffleSplit.TestSets(labels, 3, 0.1, 42);

        Assert.Equal(first, second);
    }
}
