using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary><see cref="IDriftDetector.Update(ReadOnlySpan{double}, Span{int}, Span{int})"/> gives what one update at a time gives.</summary>
public sealed class BatchUpdateTests
{
    [Theory]
    [MemberData(nameof(DetectorCases.Names), MemberType = typeof(DetectorCases))]
    public void UpdateBatch_RandomChunksSmallBuffersAndNaN_SameIndicesAsSingleUpdates(string name)
    {
        var random = new Random(5);
        double[] stream = [.. DetectorCases.Stream(name).Select(x => random.Next(40) == 0 ? double.NaN : x)];
        var single = DetectorCases.Create(name);
        var expected = DetectorStreams.Run(single, stream);
        expected.Drifts.RemoveAll(i => double.IsNaN(stream[i]));
        expected.Warnings.RemoveAll(i => double.IsNaN(stream[i]));
        var batch = DetectorCases.Create(name);
        var drifts = new List<int>();
        var warnings = new List<int>();
        int[] driftBuffer = new int[2];
        int[] warningBuffer = new int[3];
        int done = 0;

        while (done < stream.Length)
        {
            int length = Math.Min(stream.Length - done, random.Next(1, 300));
            var result = batch.Update(stream.AsSpan(done, length), driftBuffer, warningBuffer);
            drifts.AddRange(driftBuffer[..result.DriftCount].Select(i => i + done));
            warnings.AddRange(warningBuffer[..result.WarningCount].Select(i => i + done));
            Assert.True(
                result.Consumed == length || result.DriftCount == driftBuffer.Length || result.WarningCount == warningBuffer.Length,
                "stopped early with room left");
            Assert.InRange(result.Consumed, 1, length);
            done += result.Consumed;
        }

        Assert.NotEmpty(expected.Drifts);
        Assert.Equal(expected.Drifts, drifts);
        Assert.Equal(expected.Warnings, warnings);
        Assert.Equal(single.SkippedCount, batch.SkippedCount);
        Assert.Equal(single.SaveSnapshot(), batch.SaveSnapshot());
    }

    [Fact]
    public void UpdateBatch_EmptyBuffers_ConsumesEverythingAndReportsNothing()
    {
        var detector = DetectorCases.Create("ddm");
        double[] stream = DetectorCases.Stream("ddm");

        var result = detector.Update(stream, [], []);

        Assert.Equal(new DetectorBatchResult(stream.Length, 0, 0), result);
    }
}
