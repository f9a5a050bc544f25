using BenchmarkDotNet.Attributes;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;

namespace DriftWatch.Benchmarks;

/// <summary>
/// One live evaluation: <c>Features</c> features (one in ten categorical) over a full 5 000-row window against a
/// profile built from a 100 000-row reference. Goal: under 50 ms for 50 features on one core.
/// Baseline: the analyzer alone on the same window copy and reference sample (the part the monitor cannot avoid).
/// </summary>
public class EvaluationBenchmark
{
    private const int ReferenceRows = 100_000;
    private const int WindowRows = 5_000;

    private DriftMonitor _monitor = null!;
    private Dataset _window = null!;

    [Params(10, 50)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var names = Enumerable.Range(0, Features).Select(i => $"f{i}").ToArray();
        var reference = new Dataset("reference", [.. names.Select((n, i) => Column(n, i, ReferenceRows, random, 0))]);
        var profile = ReferenceProfile.Build(reference);
        _monitor = new DriftMonitor(profile, names, new DriftMonitorOptions { WindowSize = WindowRows });
        var window = new Dataset("window", [.. names.Select((n, i) => Column(n, i, WindowRows, random, i % 3 == 0 ? 0.2 : 0))]);
        _window = window;

        var numbers = new double[WindowRows * Features];
        var strings = new string?[WindowRows * Features];
        for (var r = 0; r < WindowRows; r++)
        {
            for (var f = 0; f < Features; f++)
            {
                numbers[(r * Features) + f] = window.Columns[f].Numbers?[r] ?? double.NaN;
                strings[(r * Features) + f] = window.Columns[f].Strings?[r];
            }
        }

        _monitor.Observe(numbers, strings, WindowRows, []);
        _monitor.Evaluate();
    }

    [Benchmark(Baseline = true)]
    public DriftReport AnalyzerOnly() => DriftAnalyzer.Analyze(_monitor.Profile.SampleDataset, _window, new DriftAnalysisOptions
    {
        Categorical = _monitor.Profile.Features.Where(f => f.Type == Statistics.ColumnType.Categorical).Select(f => f.Name).ToHashSet(),
        Numerical = _monitor.Profile.Features.Where(f => f.Type == Statistics.ColumnType.Numerical).Select(f => f.Name).ToHashSet(),
    });

    [Benchmark]
    public DriftSnapshot Evaluate() => _monitor.Evaluate();

    private static DatasetColumn Column(string name, int index, int rows, Random random, double shift)
    {
        if (index % 10 == 9)
        {
            string[] categories = ["a", "b", "c", "d"];
            return new DatasetColumn(name, ValueKind.String, null, [.. Enumerable.Range(0, rows).Select(_ => categories[random.Next(categories.Length)])]);
        }

        var values = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var u = 1 - random.NextDouble();
            values[i] = (Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble())) + shift + index;
        }

        return new DatasetColumn(name, ValueKind.Float, values, null);
    }
}
