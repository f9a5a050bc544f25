using System.Diagnostics;
using System.Globalization;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Rows per CPU-second of <see cref="PredictionStoreBenchmark"/>'s write paths, measured with the process CPU time so
/// that a shared, loaded machine (which inflates BenchmarkDotNet's wall-clock times) does not skew the ratio; the
/// kernel's share (writing the WAL, checkpoints, fsync) is shown apart.
/// </summary>
/// <remarks>
/// Each variant has its own database; the variants take turns batch by batch (2048 rows each), so drift in machine
/// load hits them alike. The first round warms up (JIT, page cache) and is not counted. Run from the
/// repository root: <c>dotnet run -c Release --project bench/DriftWatch.Benchmarks -- store-cpu-time [batches=20] [rounds=4]</c>.
/// </remarks>
internal static class PredictionStoreCpuTime
{
    public static void Run(string[] args)
    {
        var batches = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        (string Name, Action<PredictionStoreBenchmark> Write)[] variants =
        [
            ("NamedPerRow (baseline)", b => b.NamedPerRow()),
            ("PositionalPerRow", b => b.PositionalPerRow()),
            ("PositionalMultiRow", b => b.PositionalMultiRow()),
        ];
        var benchmarks = variants.Select(_ => new PredictionStoreBenchmark()).ToArray();
        foreach (var b in benchmarks)
        {
            b.Setup();
        }

        var cpu = new double[variants.Length];
        var kernel = new double[variants.Length];
        var bytes = new long[variants.Length];
        var rows = new long[variants.Length];
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < batches; i++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    benchmarks[v].NextIds();
                    process.Refresh();
                    var before = process.TotalProcessorTime;
                    var kernelBefore = process.PrivilegedProcessorTime;
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    variants[v].Write(benchmarks[v]);
                    var after = GC.GetTotalAllocatedBytes(precise: true);
                    process.Refresh();
                    if (round > 0)
                    {
                        cpu[v] += (process.TotalProcessorTime - before).TotalSeconds;
                        kernel[v] += (process.PrivilegedProcessorTime - kernelBefore).TotalSeconds;
                        bytes[v] += after - allocated;
                        rows[v] += benchmarks[v].Pending.Count;
                    }
                }
            }
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("variant                   rows/CPU-s   µs CPU/row   of it kernel   B/row   ratio to baseline");
        for (var v = 0; v < variants.Length; v++)
        {
            var rate = rows[v] / cpu[v];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{variants[v].Name,-24} {rate,11:F0} {1e6 / rate,12:F2} {kernel[v] / rows[v] * 1e6,14:F2} {(double)bytes[v] / rows[v],7:F0} {rate / (rows[0] / cpu[0]),10:F2}"));
        }

        foreach (var b in benchmarks)
        {
            b.Cleanup();
        }
    }
}
