using DriftWatch.Quality;

namespace DriftWatch.Tests.Quality;

public sealed class IsotonicRegressionTests
{
    public static TheoryData<string> Cases => ["hand", "decreasing", "ties_binary"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_ScikitLearnCase_MatchesTo1e12(string name)
    {
        var c = LabelFreeReference.Get("isotonic").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var fit = IsotonicRegression.Fit(c.GetProperty("x").Doubles(), c.GetProperty("y").Doubles());

        var queries = c.GetProperty("queries").Doubles();
        var expected = c.GetProperty("expected").Doubles();

        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(expected[i], fit.Predict(queries[i]), 1e-12);
        }
    }

    [Fact]
    public void Fit_HandWorkedViolators_PoolsAdjacentBlocks()
    {
        // (1, 3, 2, 4, 3.5, 5): 3 and 2 pool to 2.5; 4 and 3.5 pool to 3.75.
        var fit = IsotonicRegression.Fit([1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3.5, 5]);

        Assert.Equal([1, 2.5, 2.5, 3.75, 3.75, 5], fit.Values);
    }

    [Fact]
    public void Predict_OutsideRange_ClipsToEnds()
    {
        var fit = IsotonicRegression.Fit([0, 1], [0.2, 0.8]);

        Assert.Equal(0.2, fit.Predict(-5));
        Assert.Equal(0.8, fit.Predict(7));
        Assert.Equal(0.5, fit.Predict(0.5), 1e-15);
    }

    [Fact]
    public void Fit_SinglePoint_PredictsConstant()
    {
        var fit = IsotonicRegression.Fit([3], [0.4]);

        Assert.Equal(0.4, fit.Predict(-1));
        Assert.Equal(0.4, fit.Predict(10));
    }

    [Fact]
    public void Fit_NaN_ThrowsNamingPoint()
    {
        var ex = Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([0, double.NaN], [0, 1]));

        Assert.Contains("point 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([], []));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Fit_AnyInput_IsNonDecreasingAndPreservesMean(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 60);
        var x = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();

        var fit = IsotonicRegression.Fit(x, y);

        var monotone = fit.Values.Zip(fit.Values.Skip(1)).All(p => p.First <= p.Second + 1e-15);

        // PAVA keeps the weighted mean: the fitted values at the (merged) inputs average to the mean of y.
        var meanFitted = x.Select(fit.Predict).Average();
        return monotone && Math.Abs(meanFitted - y.Average()) < 1e-9;
    }
}
