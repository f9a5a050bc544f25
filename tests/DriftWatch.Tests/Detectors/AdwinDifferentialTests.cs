using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// The optimised <see cref="Adwin"/> (values merged into the histogram lazily, pre-tested cut scan, batch loop) against
/// <see cref="RiverAdwinReference"/>, a plain transcription of River's algorithm, on long random streams with drifts:
/// the same drift indices, and the same width, total and running variance after every update.
/// </summary>
public sealed class AdwinDifferentialTests
{
    private const int Length = 100_000;

    public static TheoryData<string> Cases => ["gaussian", "gaussian-1e6", "offset-1e6", "bernoulli", "heavy-tailed", "constant-runs", "tiny-1e-160", "mixed-clock-1"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_LongRandomStream_MatchesRiverTranscriptionAfterEveryUpdate(string name)
    {
        var (options, stream) = Case(name);
        var reference = new RiverAdwinReference(options);
        var adwin = new Adwin(options);
        int drifts = 0;

        for (int i = 0; i < stream.Length; i++)
        {
            reference.Update(stream[i]);
            adwin.Update(stream[i]);

            Assert.True(reference.DriftDetected == adwin.DriftDetected, $"drift flag differs at {i}");
            AssertClose(reference.Width, adwin.Width, i, "width");
            AssertClose(reference.Total, adwin.Total, i, "total");
            AssertClose(reference.Variance, adwin.Variance, i, "variance");
            drifts += adwin.DriftDetected ? 1 : 0;
        }

        Assert.InRange(drifts, MinimumDrifts(name), Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void UpdateBatch_RandomChunksAndSmallBuffers_SameDriftsAndStateAsRiverTranscription(string name)
    {
        var (options, stream) = Case(name);
        var reference = new RiverAdwinReference(options);
        var expected = new List<int>();
        IDriftDetector adwin = new Adwin(options);
        var actual = new List<int>();
        var random = new Random(name.Length);
        int[] buffer = new int[3];
        int done = 0;

        while (done < stream.Length)
        {
            int chunk = Math.Min(stream.Length - done, random.Next(1, 5000));
            var drifts = buffer.AsSpan(0, random.Next(1, buffer.Length + 1));
            var result = adwin.Update(stream.AsSpan(done, chunk), drifts, []);
            for (int k = 0; k < result.Consumed; k++)
            {
                reference.Update(stream[done + k]);
                if (reference.DriftDetected)
                {
                    expected.Add(done + k);
                }
            }

            actual.AddRange(drifts[..result.DriftCount].ToArray().Select(d => d + done));
            done += result.Consumed;

            var state = (Adwin)adwin;
            Assert.Equal(reference.DriftDetected, state.DriftDetected);
            AssertClose(reference.Width, state.Width, done, "width");
            AssertClose(reference.Total, state.Total, done, "total");
            AssertClose(reference.Variance, state.Variance, done, "variance");
            Assert.True(result.Consumed == chunk || result.DriftCount == drifts.Length, "stopped early without a full buffer");
        }

        Assert.True(expected.Count >= MinimumDrifts(name), "the stream has drifts");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void UpdateBatch_WithNonFiniteValues_SameAsSingleUpdates()
    {
        var (options, stream) = Case("gaussian");
        var random = new Random(7);
        double[] values = [.. stream.Select(x => random.Next(50) == 0 ? double.NaN : random.Next(400) == 0 ? double.PositiveInfinity : x)];
        var single = new Adwin(options);
        var expected = DetectorStreams.Run(single, values).Drifts.Where(i => double.IsFinite(values[i])).ToList();
        IDriftDetector batch = new Adwin(options);
        int[] drifts = new int[values.Length];

        var result = batch.Update(values, drifts, []);

        Assert.Equal(values.Length, result.Consumed);
        Assert.Equal(expected, drifts[..result.DriftCount]);
        Assert.Equal(single.SkippedCount, batch.SkippedCount);
        Assert.Equal(single.Width, ((Adwin)batch).Width);
        Assert.Equal(single.Variance, ((Adwin)batch).Variance);
    }

    [Fact]
    public void SaveSnapshot_BetweenClockTicks_RestoredRunMatchesRiverTranscription()
    {
        var (options, stream) = Case("gaussian");
        var reference = new RiverAdwinReference(options);
        IDriftDetector adwin = new Adwin(options);
        var random = new Random(3);

        for (int i = 0; i < 20_000; i++)
        {
            reference.Update(stream[i]);
            adwin.Update(stream[i]);
            if (random.Next(500) == 0)
            {
                adwin = DriftDetectors.Restore(adwin.SaveSnapshot());
            }

            Assert.True(reference.DriftDetected == adwin.DriftDetected, $"drift flag differs at {i}");
            AssertClose(reference.Variance, ((Adwin)adwin).Variance, i, "variance");
        }
    }

    // ε's ⅔·δ'·m⁻¹ term does not scale with the data, so values of 1e-160 never cut: that case checks the arithmetic
    // (merged variances below the normal range) only.
    private static int MinimumDrifts(string name) => name == "tiny-1e-160" ? 0 : 3;

    private static void AssertClose(double expected, double actual, int index, string what)
    {
        double tolerance = 1e-12 * Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what} differs at {index}: {expected:R} vs {actual:R}");
    }

    // Streams of segments (drifts at every change of level) and the options that exercise each code path.
    private static (AdwinOptions Options, double[] Stream) Case(string name, int seed = 20240601)
    {
        var random = new Random(seed + name.Sum(c => c));
        double level = 0;
        int next = 0;
        var stream = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            if (i == next)
            {
                level = random.Next(0, 4);
                next += random.Next(2_000, 20_000);
            }

            double z = Gaussian(random);
            stream[i] = name switch
            {
                "gaussian" or "mixed-clock-1" => (0.5 * level) + z,
                "gaussian-1e6" => ((0.5 * level) + z) * 1e6,
                "offset-1e6" => 1e6 + (0.3 * level) + z,
                "bernoulli" => random.NextDouble() < 0.1 + (0.1 * level) ? 1 : 0,
                "heavy-tailed" => level + (z / Math.Max(0.05, Math.Abs(Gaussian(random)))),
                "constant-runs" => random.Next(10) == 0 ? level + z : level,
                "tiny-1e-160" => ((0.5 * level) + z) * 1e-160,
                _ => throw new ArgumentOutOfRangeException(nameof(name)),
            };
        }

        var options = name switch
        {
            "gaussian-1e6" => new AdwinOptions { Clock = 7, MaxBuckets = 2 },
            "bernoulli" => new AdwinOptions { Delta = 0.05, MinWindowLength = 1, GracePeriod = 0 },
            "heavy-tailed" => new AdwinOptions { MaxBuckets = 7, Clock = 100 },
            "constant-runs" => new AdwinOptions { Clock = 3, MaxBuckets = 3, MinWindowLength = 10 },
            "mixed-clock-1" => new AdwinOptions { Clock = 1, Delta = 0.1 },
            _ => new AdwinOptions(),
        };
        return (options, stream);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
