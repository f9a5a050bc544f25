using DriftWatch.Detectors;
using static DriftWatch.Tests.Detectors.DetectorStreams;

namespace DriftWatch.Tests.Detectors;

/// <summary>A detector saved mid-stream and restored continues with exactly the signals of one that never stopped.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void Restore_MidStream_SignalsIdenticalToUninterruptedRun(string name)
    {
        double[] stream = DetectorCases.Stream(name);
        var expected = Run(DetectorCases.Create(name), stream);
        Assert.NotEmpty(expected.Drifts);

        // Cut at several points, including right on a drift (the flag must survive and the reset happen after restore).
        int[] cuts = [1, stream.Length / 3, expected.Drifts[0] + 1, stream.Length - 1];
        foreach (int cut in cuts)
        {
            var first = DetectorCases.Create(name);
            var before = Run(first, stream.Take(cut));
            var restored = DriftDetectors.Restore(first.SaveSnapshot());
            var after = Run(restored, stream.Skip(cut));

            Assert.Equal(expected.Drifts, [.. before.Drifts, .. after.Drifts.Select(i => i + cut)]);
            Assert.Equal(expected.Warnings, [.. before.Warnings, .. after.Warnings.Select(i => i + cut)]);
        }
    }

    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void SaveSnapshot_OfRestoredDetector_SameJson(string name)
    {
        var detector = DetectorCases.Create(name);
        detector.Update(double.NaN);
        Run(detector, DetectorCases.Stream(name).Take(777));
        string json = detector.SaveSnapshot();

        var restored = DriftDetectors.Restore(json);

        Assert.Equal(json, restored.SaveSnapshot());
        Assert.Equal(1, restored.SkippedCount);
        Assert.Equal(name, restored.Name);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"detector":"nope","options":{},"skipped":0,"state":{}}""")]
    [InlineData("""{"detector":"adwin","options":{"delta":0.5,"extra":1},"skipped":0,"state":{}}""")]
    [InlineData("""{"detector":"adwin","options":{"delta":7},"skipped":0,"state":{"rows":[]}}""")]
    [InlineData("""{"detector":"fhddm","options":{"sliding_window_size":2},"skipped":0,"state":{"window":[1,1,1]}}""")]
    public void Restore_MalformedSnapshot_ThrowsArgumentException(string json)
    {
        Assert.ThrowsAny<ArgumentException>(() => DriftDetectors.Restore(json));
    }
}
