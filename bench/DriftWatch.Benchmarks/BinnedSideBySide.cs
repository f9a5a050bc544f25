using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Times the workloads of bench/scripts/binned_vs_scipy.py on the very data that script wrote (raw little-endian float64
/// files), so the script can print C#/scipy ratios from one run. Prints one JSON object: per workload the best of
/// several runs in wall-clock seconds and in process CPU seconds, the result, and the bytes allocated by one run.
/// </summary>
internal static class BinnedSideBySide
{
    private const int Runs = 5;

    public static void Run(string directory)
    {
        var reference = Read(Path.Combine(directory, "ref_1m.f64"));
        var current = Read(Path.Combine(directory, "cur_1m.f64"));
        var columns = int.Parse(File.ReadAllText(Path.Combine(directory, "report_columns.txt")), CultureInfo.InvariantCulture);
        var reportRef = Split(Read(Path.Combine(directory, "report_ref.f64")), columns);
        var reportCur = Split(Read(Path.Combine(directory, "report_cur.f64")), columns);

        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        void Method(string key, string name, DriftProfile profile)
        {
            DriftMethods.TryGet(name, out var m);
            results[key] = Time(() => m!.Compute(ColumnSample.FromNumbersShared(reference), ColumnSample.FromNumbersShared(current), profile, 0.1).Score, measureAllocation: true);
        }

        Method("psi_evidently", "psi", DriftProfile.Evidently);
        Method("psi_native", "psi", DriftProfile.Native);
        Method("jensenshannon_evidently", "jensenshannon", DriftProfile.Evidently);
        Method("jensenshannon_native", "jensenshannon", DriftProfile.Native);
        Method("hellinger", "hellinger", DriftProfile.Evidently);

        double Report(DriftAnalysisOptions options) =>
            DriftAnalyzer.Analyze(AnalyzerBenchmark.Wrap("reference", reportRef), AnalyzerBenchmark.Wrap("current", reportCur), options).Columns.Sum(c => c.Result.Score);

        results["report_ks"] = Time(() => Report(new DriftAnalysisOptions { Methods = ["ks"] }), measureAllocation: true);
        if (DriftMethods.TryGet("wasserstein", out _))
        {
            results["report_auto"] = Time(() => Report(new DriftAnalysisOptions()), measureAllocation: true);
        }

        results["input_bytes_report"] = 2L * columns * reportRef[0].Length * sizeof(double);
        results["input_bytes_1m"] = (reference.Length + current.Length) * (long)sizeof(double);
        Console.WriteLine(JsonSerializer.Serialize(results));
    }

    private static Dictionary<string, double> Time(Func<double> workload, bool measureAllocation = false)
    {
        var value = workload(); // warm-up (JIT, thread pool, array pool)
        var best = double.PositiveInfinity;
        var bestCpu = double.PositiveInfinity;
        for (var i = 0; i < Runs; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            value = workload();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal) { ["seconds"] = best, ["cpu_seconds"] = bestCpu, ["value"] = value };
        if (measureAllocation)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            workload();
            result["allocated_bytes"] = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        return result;
    }

    private static double[] Read(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();

    private static double[][] Split(double[] columnMajor, int columns)
    {
        var rows = columnMajor.Length / columns;
        return [.. Enumerable.Range(0, columns).Select(j => columnMajor.AsSpan(j * rows, rows).ToArray())];
    }
}
