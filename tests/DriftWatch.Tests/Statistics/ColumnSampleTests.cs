using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class ColumnSampleTests
{
    [Fact]
    public void FromCategoriesShared_NoMissingLabel_UsesTheArrayItself()
    {
        string?[] labels = ["a", "b", "a"];

        var sample = ColumnSample.FromCategoriesShared(labels);

        Assert.Same(labels, sample.Categories);
        Assert.Equal(ColumnType.Categorical, sample.Type);
    }

    [Fact]
    public void FromCategoriesShared_MissingLabels_CopyWithoutThem()
    {
        string?[] labels = [null, "a", null, "b"];

        var sample = ColumnSample.FromCategoriesShared(labels);

        Assert.Equal(["a", "b"], sample.Categories!);
        Assert.Equal([null, "a", null, "b"], labels);
    }

    [Fact]
    public void FromNumericCategoriesShared_AllFinite_SharedElseCleanedCopy()
    {
        double[] finite = [1, 2, 1];
        double[] gaps = [1, double.NaN, 2, double.PositiveInfinity];

        var shared = ColumnSample.FromNumericCategoriesShared(finite);
        var cleaned = ColumnSample.FromNumericCategoriesShared(gaps);

        Assert.Same(finite, shared.Numbers);
        Assert.Equal(ColumnType.Categorical, shared.Type);
        Assert.Equal([1.0, 2.0], cleaned.Numbers!);
        Assert.Equal(ColumnType.Categorical, cleaned.Type);
    }

    [Fact]
    public void LendSortStorage_ExactLength_SortsIntoItAndLeavesNumbersInInputOrder()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() - 0.5).ToArray();
        var input = values.ToArray();
        var sample = ColumnSample.FromNumbers(values);
        var storage = new double[values.Length];

        Assert.True(sample.LendSortStorage(storage));
        var sorted = sample.GetSorted();

        Assert.Same(storage, sorted);
        Assert.Equal(input.Order(), sorted);
        Assert.Equal(input, sample.Numbers!);
    }

    [Fact]
    public void LendSortStorage_WrongLengthTextOrAlreadySorted_Declined()
    {
        var sample = ColumnSample.FromNumbers([3, 1, 2]);

        Assert.False(sample.LendSortStorage(new double[2]));
        Assert.False(ColumnSample.FromCategories(["a"]).LendSortStorage(new double[1]));
        var sorted = sample.GetSorted();
        Assert.False(sample.LendSortStorage(new double[3]));
        Assert.Same(sorted, sample.GetSorted());
        Assert.Equal([1.0, 2.0, 3.0], sorted);
    }
}
