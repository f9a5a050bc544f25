using BenchmarkDotNet.Attributes;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// A whole report: 20 numerical columns × 100 000 rows per side. Each call wraps the arrays in new dataset objects, so
/// the per-column reference cache does not carry over between calls (except in <see cref="AutomaticReusedReference"/>,
/// the live-service case where the same reference is compared with new data).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmark
{
    private double[][] _reference = [];
    private double[][] _current = [];
    private Dataset? _fixedReference;

    [Params(20)]
    public int Columns { get; set; }

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _reference = [.. Enumerable.Range(0, Columns).Select(j => BinnedMethodsBenchmark.Normal(random, Rows, j * 0.1, 1.0))];
        _current = [.. Enumerable.Range(0, Columns).Select(j => BinnedMethodsBenchmark.Normal(random, Rows, (j * 0.1) + (j % 4 == 0 ? 0.1 : 0.0), 1.0))];
        _fixedReference = Wrap("reference", _reference);
    }

    /// <summary>Evidently's automatic choice (wasserstein for 100 000 rows).</summary>
    [Benchmark(Baseline = true)]
    public DriftReport Automatic() => DriftAnalyzer.Analyze(Wrap("reference", _reference), Wrap("current", _current));

    [Benchmark]
    public DriftReport ForcedKs() =>
        DriftAnalyzer.Analyze(Wrap("reference", _reference), Wrap("current", _current), new DriftAnalysisOptions { Methods = ["ks"] });

    [Benchmark]
    public DriftReport ForcedPsiNative() =>
        DriftAnalyzer.Analyze(Wrap("reference", _reference), Wrap("current", _current), new DriftAnalysisOptions { Methods = ["psi"], Profile = DriftProfile.Native });

    [Benchmark]
    public DriftReport AutomaticReusedReference() => DriftAnalyzer.Analyze(_fixedReference!, Wrap("current", _current));

    internal static Dataset Wrap(string source, double[][] columns) =>
        new(source, [.. columns.Select((values, j) => new DatasetColumn("x" + j, ValueKind.Float, values, null))]);
}
