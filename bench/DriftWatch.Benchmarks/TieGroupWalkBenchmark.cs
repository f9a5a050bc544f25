using BenchmarkDotNet.Attributes;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// The merge passes over two sorted samples of N values each, without the sort: the tie-group walk under Mann-Whitney,
/// Anderson-Darling, the Kolmogorov-Smirnov statistic and Wasserstein-1, and Cramér-von Mises's own merges, against the
/// branch-free distinct count (<see cref="CountDistinct"/>, the baseline: a merge that does not use the walk). Data: "normal" (no ties:
/// Cramér-von Mises takes its branch-free merge), "rounded5" (normal values rounded to 1e-5: lone values and small tie
/// groups mixed) and "rounded2" (rounded to 1e-2: large tie groups); Cramér-von Mises takes its tie path on the rounded
/// data.
/// </summary>
[MemoryDiagnoser]
public class TieGroupWalkBenchmark
{
    private double[] _a = [];
    private double[] _b = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [Params("normal", "rounded5", "rounded2")]
    public string Data { get; set; } = "normal";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var step = Data switch { "rounded5" => 1e-5, "rounded2" => 1e-2, _ => 0.0 };
        _a = Sorted(ContinuousMethodsBenchmark.Normal(random, N, 0.0), step);
        _b = Sorted(ContinuousMethodsBenchmark.Normal(random, N, 0.05), step);
    }

    [Benchmark(Baseline = true)]
    public int CountDistinct() => SortedMerge.CountDistinct(_a, _b);

    [Benchmark]
    public double KsStatistic() => KolmogorovSmirnov.StatisticSorted(_a, _b);

    [Benchmark]
    public double Wasserstein() => SortedMerge.CdfDistance(_a, _b, squared: false);

    [Benchmark]
    public long MannWhitneyRankSum() => SortedMerge.RankSum(_a, _b).TwiceRankSum1;

    [Benchmark]
    public double AndersonDarling() => AndersonDarlingMethod.Test(_a, _b).A2;

    [Benchmark]
    public double CramerVonMises() => CramerVonMisesMethod.SquaredRankDifferences(_a, _b).Sx;

    private static double[] Sorted(double[] values, double step)
    {
        if (step > 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Math.Round(values[i] / step) * step;
            }
        }

        Array.Sort(values);
        return values;
    }
}
