using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

/// <summary>
/// How often chisquare fires at α = 0.05 when reference and current come from the same categorical distribution
/// (2000 seeded draws per setting; the binomial standard error of a 5% rate is 0.49 percentage points).
/// </summary>
public sealed class ChiSquareFalsePositiveRateTests(ITestOutputHelper output)
{
    private const int Draws = 2000;
    private static readonly string[] Labels = ["a", "b", "c", "d", "e"];
    private static readonly double[] Weights = [0.4, 0.25, 0.15, 0.12, 0.08];

    [Theory]
    [InlineData(500, 500)]
    [InlineData(100, 1000)]
    [InlineData(1000, 100)]
    public void Native_IdenticalDistributions_RateNearAlpha(int referenceSize, int currentSize)
    {
        var rate = MeasureRate(DriftProfile.Native, referenceSize, currentSize, seed: 11);

        output.WriteLine($"native chisquare, {referenceSize} vs {currentSize}: {rate:P2}");
        Assert.InRange(rate, 0.035, 0.065);
    }

    [Theory]
    [InlineData(500, 500, 0.27, 0.36)]
    [InlineData(100, 1000, 0.89, 0.97)]
    [InlineData(1000, 100, 0.055, 0.10)]
    public void Evidently_IdenticalDistributions_GoodnessOfFitFiresFarAboveAlpha(int referenceSize, int currentSize, double low, double high)
    {
        var rate = MeasureRate(DriftProfile.Evidently, referenceSize, currentSize, seed: 11);

        output.WriteLine($"evidently chisquare, {referenceSize} vs {currentSize}: {rate:P2}");
        Assert.InRange(rate, low, high);
    }

    private static double MeasureRate(DriftProfile profile, int referenceSize, int currentSize, int seed)
    {
        Assert.True(DriftMethods.TryGet("chisquare", out var chisquare));
        var random = new Random(seed);
        var fired = 0;
        for (var i = 0; i < Draws; i++)
        {
            var reference = ColumnSample.FromCategories(Draw(random, referenceSize));
            var current = ColumnSample.FromCategories(Draw(random, currentSize));
            if (chisquare.Compute(reference, current, profile, 0.05).Detected)
            {
                fired++;
            }
        }

        return fired / (double)Draws;
    }

    private static string[] Draw(Random random, int n)
    {
        var result = new string[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            var k = 0;
            while (k < Weights.Length - 1 && u >= Weights[k])
            {
                u -= Weights[k];
                k++;
            }

            result[i] = Labels[k];
        }

        return result;
    }
}
