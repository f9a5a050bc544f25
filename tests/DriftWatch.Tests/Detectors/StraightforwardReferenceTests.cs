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

    // river/drift/adwin_c.pyx (0.24+), transcribed with lists.
    private static List<int> PlainAdwin(AdwinOptions o, double[] stream)
    {
        var drifts = new List<int>();
        List<List<(double Total, double Variance)>> rows = [[]];
        double width = 0, total = 0, variance = 0;
        long tick = 0;
        bool drift = false;
        for (int i = 0; i < stream.Length; i++)
        {
            if (drift)
            {
                rows = [[]];
                width = total = variance = 0;
                tick = 0;
            }

            double x = stream[i];
            rows[0].Add((x, 0.0));
            width += 1;
            double inc = 0;
            if (width > 1.0)
            {
                inc = (width - 1.0) * (x - (total / (width - 1.0))) * (x - (total / (width - 1.0))) / width;
            }

            variance += inc;
            total += x;
            for (int r = 0; r < rows.Count && rows[r].Count == o.MaxBuckets + 1; r++)
            {
                if (r + 1 == rows.Count)
                {
                    rows.Add([]);
                }

                double n1 = Math.Pow(2, r);
                double mu1 = rows[r][0].Total / n1, mu2 = rows[r][1].Total / n1;
                rows[r + 1].Add((rows[r][0].Total + rows[r][1].Total, rows[r][0].Variance + rows[r][1].Variance + (n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2))));
                rows[r].RemoveRange(0, 2);
                if (rows[r + 1].Count <= o.MaxBuckets)
                {
                    break;
                }
            }

            tick++;
            drift = false;
            if (tick % o.Clock == 0 && width > o.GracePeriod)
            {
                bool reduce = true;
                while (reduce)
                {
                    reduce = false;
                    bool exit = false;
                    double n0 = 0, nn1 = width, u0 = 0, u1 = total;
                    for (int r = rows.Count - 1; r >= 0 && !exit; r--)
                    {
                        for (int k = 0; k < rows[r].Count; k++)
                        {
                            double size = Math.Pow(2, r);
                            n0 += size;
                            nn1 -= size;
                            u0 += rows[r][k].Total;
                            u1 -= rows[r][k].Total;
                            if (r == 0 && k == rows[r].Count - 1)
                            {
                                exit = true;
                                break;
                            }

                            double dm = (u0 / n0) - (u1 / nn1);
                            if (nn1 >= o.MinWindowLength && n0 >= o.MinWindowLength)
                            {
                                double dp = Math.Log(2 * Math.Log(width) / o.Delta);
                                double m = (1.0 / (n0 - o.MinWindowLength + 1)) + (1.0 / (nn1 - o.MinWindowLength + 1));
                                double eps = Math.Sqrt(2 * m * (variance / width) * dp) + (2.0 / 3.0 * dp * m);
                                if (Math.Abs(dm) > eps)
                                {
                                    reduce = true;
                                    drift = true;
                                    int last = rows.Count - 1;
                                    double n = Math.Pow(2, last);
                                    var (u, v) = rows[last][0];
                                    width -= n;
                                    total -= u;
                                    double muW = total / width;
                                    variance -= v + (n * width * ((u / n) - muW) * ((u / n) - muW) / (n + width));
                                    rows[last].RemoveAt(0);
                                    if (rows[last].Count == 0)
                                    {
                                        rows.RemoveAt(last);
                                    }

                                    exit = true;
                                    break;
                                }
                            }
                        }
                    }
                }
            }

            if (drift)
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
