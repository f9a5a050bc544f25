using BenchmarkDotNet.Attributes;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// The numerical two-sample methods on n vs n normal values, from unsorted input each time (fresh samples, so the
/// sort is included); <see cref="SortBothArraySort"/> is the baseline: two plain <see cref="Array.Sort{T}(T[])"/> calls.
/// Samples wrap the arrays without copying them, as the analyzer does for all-finite columns, so the allocated bytes are
/// the method's own (input: 16 MB for N = 1 000 000).
/// </summary>
[MemoryDiagnoser]
public class ContinuousMethodsBenchmark
{
    private double[] _reference = [];
    private double[] _current = [];

    [Params(1_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _reference = Normal(random, N, 0.0);
        _current = Normal(random, N, 0.05);
    }

    [Benchmark(Baseline = true)]
    public double SortBothArraySort()
    {
        var a = (double[])_reference.Clone();
        var b = (double[])_current.Clone();
        Array.Sort(a);
        Array.Sort(b);
        return a[0] + b[0];
    }

    [Benchmark]
    public double SortBothRadixParallel()
    {
        var (a, b) = ContinuousInput.Sorted(ColumnSample.FromNumbersShared(_reference), ColumnSample.FromNumbersShared(_current));
        return a[0] + b[0];
    }

    [Benchmark]
    public double Ks() => Run("ks");

    [Benchmark]
    public double SortBothRadix()
    {
        var a = new double[_reference.Length];
        var b = new double[_current.Length];
        RadixSort.SortInto(_reference, a);
        RadixSort.SortInto(_current, b);
        return a[0] + b[0];
    }

    [Benchmark]
    public double KsSortedReference() => RunWithCachedReference("ks");

    [Benchmark]
    public double Wasserstein() => Run("wasserstein");

    [Benchmark]
    public double EnergyDistance() => Run("ed");

    [Benchmark]
    public double MannWhitney() => Run("mannw");

    [Benchmark]
    public double CramerVonMises() => Run("cramer_von_mises");

    [Benchmark]
    public double Anderson() => Run("anderson");

    [Benchmark]
    public double TTest() => Run("t_test");

    [Benchmark]
    public double EppsSingleton() => Run("es");

    private ColumnSample? _cachedReference;

    private double Run(string name)
    {
        DriftMethods.TryGet(name, out var method);
        var r = method!.Compute(ColumnSample.FromNumbersShared(_reference), ColumnSample.FromNumbersShared(_current), DriftProfile.Native, 0.05);
        return r.Score;
    }

    private double RunWithCachedReference(string name)
    {
        // A monitoring service keeps its reference sample (and its sorted copy) across evaluations.
        _cachedReference ??= ColumnSample.FromNumbersShared(_reference);
        DriftMethods.TryGet(name, out var method);
        return method!.Compute(_cachedReference, ColumnSample.FromNumbersShared(_current), DriftProfile.Native, 0.05).Score;
    }

    internal static double[] Normal(Random random, int n, double shift)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box-Muller
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            x[i] = shift + (Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return x;
    }
}
