using DriftWatch.Detectors;
using DriftWatch.Statistics;
using static DriftWatch.Tests.Detectors.DetectorStreams;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// The optimised ADWIN and KSWIN against straightforward transcriptions of River's algorithms (lists, no pre-test,
/// no incremental sorting, scipy-style statistic on fresh copies) on many random streams: the signals must match.
/// </summary>
public sealed class StraightforwardReferenceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Adwin_RandomStreams_SameDriftsAsPlainRiverAlgorithm(int seed)
    {
        var random = new Random(seed);
        double scale = seed % 2 == 0 ? 1 : 1e6;
        double[] stream = RandomStream(random, 6000, scale);
        var options = new AdwinOptions { Clock = 1 + (seed % 3 * 15), Delta = seed % 4 == 0 ? 0.05 : 0.002, MaxBuckets = 2 + (seed % 4), MinWindowLength = 1 + (seed % 5) };

        var expected = PlainAdwin(options, stream);
        var actual = Drifts(new Adwin(options), stream);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Kswin_RandomStreams_SameDriftsAsPlainRiverAlgorithm(int seed)
    {
        var random = new Random(seed);
        double[] stream = RandomStream(random, 3000, 1);

        // Ties matter for the KS statistic: round half of the streams to a coarse grid.
        if (seed % 2 == 0)
        {
            stream = [.. stream.Select(x => Math.Round(x * 2) / 2)];
        }

        var options = new KswinOptions { Alpha = 0.005, WindowSize = 60 + (seed * 5), StatSize = 20 + seed, Seed = seed };

        var expected = PlainKswin(options, stream);
        var actual = Drifts(new Kswin(options), stream);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    // Segments of N(μ, 1)·scale with μ jumping every 500–1500 values.
    private static double[] RandomStream(Random random, int n, double scale)
    {
        var stream = new double[n];
        double mu = 0;
        int next = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == next)
            {
                mu = random.Next(0, 4) * 0.7;
                next += random.Next(500, 1500);
            }

            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            stream[i] = (mu + (Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2))) * scale;
        }

        return stream;
    }

    private static List<int> PlainAdwin(AdwinOptions o, double[] stream)
    {
        var reference = new RiverAdwinReference(o);
        var drifts = new List<int>();
        for (int i = 0; i < stream.Length; i++)
        {
            reference.Update(stream[i]);
            if (reference.DriftDetected)
            {
                drifts.Add(i);
            }
        }

        return drifts;
    }

    // river/drift/kswin.py with scipy's ks_2samp on fresh copies of both samples.
    private static List<int> PlainKswin(KswinOptions o, double[] stream)
    {
        var drifts = new List<int>();
        var window = new List<double>();
        var random = new PythonRandom(o.Seed!.Value);
        var indices = new int[o.StatSize];
        bool drift = false;
        for (int i = 0; i < stream.Length; i++)
        {
            if (drift)
            {
                window.Clear();
                random = new PythonRandom(o.Seed.Value);
            }

            window.Add(stream[i]);
            if (window.Count > o.WindowSize)
            {
                window.RemoveAt(0);
            }

            drift = false;
            if (window.Count >= o.WindowSize)
            {
                random.Sample(o.WindowSize - o.StatSize, indices);
                double[] sampled = [.. indices.Select(j => window[j])];
                double[] recent = [.. window.Skip(o.WindowSize - o.StatSize)];
                var (statistic, p) = KolmogorovSmirnov.Test(KolmogorovSmirnov.Statistic(sampled, recent), o.StatSize, o.StatSize);
                if (p <= o.Alpha && statistic > 0.1)
                {
                    drift = true;
                    window = [.. recent];
                    drifts.Add(i);
                }
            }
        }

        return drifts;
    }
}
