using DriftWatch.Detectors;
using static DriftWatch.Tests.Detectors.DetectorStreams;

namespace DriftWatch.Tests.Detectors;

/// <summary>Non-finite values are skipped and counted: they change neither state nor flags.</summary>
public sealed class NaNPolicyTests
{
    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Update_NonFiniteInterleaved_SameSignalsAsCleanStreamAndCounted(string name)
    {
        double[] clean = DetectorCases.Stream(name);
        var expected = Run(DetectorCases.Create(name), clean);
        double[] junk = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        var detector = DetectorCases.Create(name);
        var drifts = new List<int>();
        var warnings = new List<int>();
        int inserted = 0;

        for (int i = 0; i < clean.Length; i++)
        {
            if (i % 7 == 3)
            {
                bool drift = detector.DriftDetected;
                bool warning = detector.WarningDetected;
                detector.Update(junk[inserted++ % junk.Length]);
                Assert.Equal(drift, detector.DriftDetected);
                Assert.Equal(warning, detector.WarningDetected);
            }

            detector.Update(clean[i]);
            if (detector.DriftDetected)
            {
                drifts.Add(i);
            }

            if (detector.WarningDetected)
            {
                warnings.Add(i);
            }
        }

        Assert.Equal(expected.Drifts, drifts);
        Assert.Equal(expected.Warnings, warnings);
        Assert.Equal(inserted, detector.SkippedCount);
    }

    [Fact]
    public void Reset_AfterSkips_KeepsSkippedCountClearsFlags()
    {
        var ph = new PageHinkley(new PageHinkleyOptions { MinInstances = 1, Delta = 0, Threshold = 1, Alpha = 1 });
        Run(ph, [0, 0, 0, 3, double.NaN]);
        Assert.True(ph.DriftDetected);

        ph.Reset();

        Assert.False(ph.DriftDetected);
        Assert.Equal(1, ph.SkippedCount);
    }
}
