using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class KolmogorovSmirnovTests
{
    private static readonly double[] A =
    [
        0.3, 0.8, 0.3, -1.3, 0.9, 0.4, -0.5, 0.6, 0.4, 0.3, 0.0, 0.5, -0.7, -0.2, -0.5, 0.6, 0.0, -0.3, -0.8, -0.3, 0.0,
        -0.3, 1.3, 1.0, -2.7, -1.9, -0.2, -0.4, 0.2, 0.2, 2.1, -1.1, -0.4, 2.0, 0.6, 0.7, -0.5,
    ];

    private static readonly double[] B =
    [
        -1.3, 0.5, 0.4, -0.9, -0.4, 0.2, -0.6, 0.2, 0.4, 0.3, -0.2, 0.9, 1.2, 0.6, -0.5, 1.0, -0.2, 1.2, -0.8, 1.2, 0.3,
        -0.9, -0.0, 0.4, 0.6, -0.7, -0.8, 0.5, -0.2, 0.5, 1.1, -1.3, 0.6, 1.5, 0.0, -0.5, 1.1, 0.6, 1.2, -0.0, -1.2, 0.2,
        -0.1, 1.1, 0.5, -1.3, -0.9, 1.2, 1.0, -0.3, 0.3, 0.7, 0.8,
    ];

    [Fact]
    public void Test_TiedUnequalSizes_MatchesScipyExact()
    {
        var d = KolmogorovSmirnov.Statistic(A, B);

        var (statistic, p) = KolmogorovSmirnov.Test(d, A.Length, B.Length);

        // scipy 1.10.1 ks_2samp(A, B)
        Precision.AssertRelative(0.12034676185619582, statistic);
        Precision.AssertRelative(0.8609000113712302, p);
        Precision.AssertRelative(0.8609000113712302, KolmogorovSmirnov.TwoSidedPValue(d, A.Length, B.Length));
    }

    [Fact]
    public void Statistic_EmptySample_Throws()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Statistic([], B));
    }

    [Fact]
    public void Compute_RegisteredKs_UsesInclusiveThreshold()
    {
        Assert.True(DriftMethods.TryGet("ks", out var ks));
        var reference = ColumnSample.FromNumbers(A);
        var current = ColumnSample.FromNumbers(B);

        var result = ks.Compute(reference, current, DriftProfile.Evidently, 0.8609000113712302);

        Assert.Equal("ks", result.Method);
        Precision.AssertRelative(0.8609000113712302, result.Score);
        Assert.True(result.Detected);
    }
}
