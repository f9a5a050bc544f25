using DriftWatch.Statistics.Binning;

namespace DriftWatch.Tests.Statistics.Binning;

public sealed class OrderStatisticsTests
{
    [Theory]
    [InlineData("normal", 40_000)]
    [InlineData("normal", 1_000_003)]
    [InlineData("ties", 100_000)]
    [InlineData("integers", 100_000)]
    [InlineData("narrow", 100_000)]
    [InlineData("outlier", 100_000)]
    [InlineData("constant", 50_000)]
    [InlineData("signedzeros", 60_000)]
    [InlineData("lognormal", 200_000)]
    [InlineData("normal", 500)]
    public void SelectInto_ManyShapes_ValuesOfTheSortedArray(string kind, int n)
    {
        var random = new Random(n + kind.Length);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                "ties" => Math.Round(Normal() * 10) / 10,
                "integers" => random.Next(-3, 4),
                "narrow" => 7 + (1e-12 * Normal()),
                "outlier" => i == 17 ? 1e12 : Normal(),
                "constant" => -2.5,
                "signedzeros" => random.Next(3) switch { 0 => -0.0, 1 => 0.0, _ => Normal() },
                "lognormal" => Math.Exp(2 * Normal()),
                _ => Normal(),
            };
        }

        var copy = (double[])values.Clone();
        var sorted = values.Order().ToArray();
        int[] targets = [0, 1, n / 10, (n / 10) + 1, n / 2, (n / 2) + 1, (9 * n / 10) - 1, n - 2, n - 1];
        var results = new double[targets.Length];

        OrderStatistics.SelectInto(values, targets, results);

        for (var k = 0; k < targets.Length; k++)
        {
            Assert.Equal(sorted[targets[k]], results[k]);
        }

        Assert.Equal(copy, values);
    }

    [Fact]
    public void TryBucketSelect_NormalSample_GathersFewValues()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() * 10).ToArray();
        var results = new double[3];

        var done = OrderStatistics.TryBucketSelect(values, [1000, 100_000, 199_999], results);

        Assert.True(done);
        var sorted = values.Order().ToArray();
        Assert.Equal([sorted[1000], sorted[100_000], sorted[199_999]], results);
    }

    [Fact]
    public void TryBucketSelect_OneFarOutlier_DeclinesSoQuickselectRuns()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => i % 1000 / 1000.0).ToArray();
        values[5] = 1e15;

        var done = OrderStatistics.TryBucketSelect(values, [50_000], new double[1]);

        Assert.False(done);
    }
}
