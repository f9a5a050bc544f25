using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Slo;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

public sealed class DurationBucketsTests
{
    [Fact]
    public void DurationBuckets_SameAsTheSloLatencyBounds_SoEveryAcceptedThresholdHasASeries() =>
        Assert.Equal(DriftWatchMetrics.DurationBuckets, SliKinds.LatencyBucketBounds);
}
