using BenchmarkDotNet.Attributes;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// psi, jensenshannon and hellinger on two numerical samples, both profiles. Each call starts from raw arrays (a fresh
/// <see cref="ColumnSample"/> over them, without a copy, as the analyzer makes), so nothing sorted or binned is reused
/// between calls and the allocated bytes are the method's own.
/// </summary>
[MemoryDiagnoser]
public class BinnedMethodsBenchmark
{
    private double[] _reference = [];
    private double[] _current = [];

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _reference = Normal(random, N, 0.0, 1.0);
        _current = Normal(random, N, 0.05, 1.1);
    }

    [Benchmark(Baseline = true)]
    public double PsiEvidently() => Run("psi", DriftProfile.Evidently);

    [Benchmark]
    public double PsiNative() => Run("psi", DriftProfile.Native);

    [Benchmark]
    public double JensenShannonEvidently() => Run("jensenshannon", DriftProfile.Evidently);

    [Benchmark]
    public double JensenShannonNative() => Run("jensenshannon", DriftProfile.Native);

    [Benchmark]
    public double Hellinger() => Run("hellinger", DriftProfile.Evidently);

    internal static double[] Normal(Random random, int n, double mean, double sd)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box–Muller.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = mean + (sd * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        return values;
    }

    private double Run(string method, DriftProfile profile)
    {
        DriftMethods.TryGet(method, out var m);
        return m!.Compute(ColumnSample.FromNumbersShared(_reference), ColumnSample.FromNumbersShared(_current), profile, 0.1).Score;
    }
}
