using DriftWatch.AspNetCore.Monitoring;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

public sealed class ModelTrafficTests
{
    private static readonly double[] Bounds = [0.001, 0.002, 0.004];

    [Fact]
    public void LatencyQuantile_NoRequests_IsNull()
    {
        var traffic = new ModelTraffic(Bounds);

        Assert.Null(traffic.LatencyQuantileMilliseconds(0.99));
        Assert.Null(traffic.MeanLatencyMilliseconds);
    }

    [Theory]
    [InlineData(0.25, 1.0)] // rank 1 of 4, first bucket [0, 1 ms]: 0 + 1 × 1/1
    [InlineData(0.5, 1.5)] // rank 2, second bucket (1, 2] ms holding 2: 1 + 1 × (2 − 1)/2
    [InlineData(0.99, 3.92)] // rank 3.96, third bucket (2, 4] ms holding 1: 2 + 2 × 0.96
    [InlineData(1.0, 4.0)]
    public void LatencyQuantile_HandWorkedCounts_InterpolatesAsHistogramQuantile(double quantile, double expectedMs)
    {
        var traffic = new ModelTraffic(Bounds);
        traffic.Record(1, TimeSpan.FromMilliseconds(0.5));
        traffic.Record(1, TimeSpan.FromMilliseconds(1.5));
        traffic.Record(3, TimeSpan.FromMilliseconds(1.5));
        traffic.Record(1, TimeSpan.FromMilliseconds(3));

        Assert.Equal(expectedMs, traffic.LatencyQuantileMilliseconds(quantile)!.Value, 1e-9);
        Assert.Equal(6, traffic.Predictions);
        Assert.Equal(4, traffic.Requests);
        Assert.Equal(1.625, traffic.MeanLatencyMilliseconds!.Value, 1e-9);
    }

    [Fact]
    public void LatencyQuantile_RankInInfBucket_ReturnsHighestFiniteBound()
    {
        var traffic = new ModelTraffic(Bounds);
        traffic.Record(1, TimeSpan.FromMilliseconds(3));
        traffic.Record(1, TimeSpan.FromSeconds(10));

        Assert.Equal(4.0, traffic.LatencyQuantileMilliseconds(0.99)!.Value, 1e-12);
    }

    [Fact]
    public void Record_DurationOnABound_CountsInThatBucket()
    {
        var traffic = new ModelTraffic(Bounds);
        traffic.Record(1, TimeSpan.FromMilliseconds(1)); // le="0.001" is inclusive, as in the exposition

        Assert.Equal(1.0, traffic.LatencyQuantileMilliseconds(1.0)!.Value, 1e-12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void LatencyQuantile_OutOfRange_Throws(double quantile)
    {
        var traffic = new ModelTraffic(Bounds);

        Assert.Throws<ArgumentOutOfRangeException>(() => traffic.LatencyQuantileMilliseconds(quantile));
    }
}
