using System.Diagnostics;
using System.Globalization;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Times the numerical methods on the data written by bench/scripts/continuous_vs_scipy.py (two float64 arrays),
/// so the scipy and DriftWatch timings use the same values in the same run. Each call gets fresh samples that wrap the
/// arrays without copying them (as the analyzer does), so nothing sorted is reused. Prints one line per method: name, best
/// wall-clock seconds, best process CPU seconds, statistic, and the bytes one call allocates.
/// </summary>
internal static class ContinuousSideBySide
{
    private static readonly string[] Methods = ["ks", "wasserstein", "mannw", "cramer_von_mises", "anderson", "ed", "t_test", "es"];

    public static void Run(string[] args)
    {
        var path = args[0];
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var bytes = File.ReadAllBytes(path);
        var n1 = (int)BitConverter.ToInt64(bytes, 0);
        var n2 = (int)BitConverter.ToInt64(bytes, 8);
        var reference = new double[n1];
        var current = new double[n2];
        Buffer.BlockCopy(bytes, 16, reference, 0, n1 * 8);
        Buffer.BlockCopy(bytes, 16 + (n1 * 8), current, 0, n2 * 8);

        if (args.Length > 2 && args[2] == "profile")
        {
            Profile(reference, current);
            return;
        }

        foreach (var name in Methods)
        {
            DriftMethods.TryGet(name, out var method);
            var best = double.PositiveInfinity;
            var bestCpu = double.PositiveInfinity;
            var score = 0.0;

            // One warm-up (JIT, thread pool), then the best of the repeats, each from fresh unsorted samples.
            for (var r = 0; r <= repeats; r++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var result = method!.Compute(ColumnSample.FromNumbersShared(reference), ColumnSample.FromNumbersShared(current), DriftProfile.Native, 0.05);
                sw.Stop();
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                score = result.Statistic ?? result.Score;
                if (r > 0)
                {
                    best = Math.Min(best, sw.Elapsed.TotalSeconds);
                    bestCpu = Math.Min(bestCpu, cpu);
                }
            }

            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            method!.Compute(ColumnSample.FromNumbersShared(reference), ColumnSample.FromNumbersShared(current), DriftProfile.Native, 0.05);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {best:R} {bestCpu:R} {score:R} {allocated}"));
        }
    }

    private static void Profile(double[] reference, double[] current)
    {
        // Process CPU milliseconds per step, best of 8 (robust on a busy machine).
        var best = new double[5];
        Array.Fill(best, double.PositiveInfinity);
        for (var r = 0; r < 8; r++)
        {
            var p = Process.GetCurrentProcess();
            double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            var t0 = Cpu();
            var a = ColumnSample.FromNumbersShared(reference);
            var b = ColumnSample.FromNumbersShared(current);
            var t1 = Cpu();
            var ra = a.GetSorted();
            var rb = b.GetSorted();
            var t2 = Cpu();
            _ = KolmogorovSmirnov.StatisticSorted(ra, rb);
            var t3 = Cpu();
            var copy = (double[])reference.Clone();
            var copy2 = (double[])current.Clone();
            var t4 = Cpu();
            Array.Sort(copy);
            Array.Sort(copy2);
            var t5 = Cpu();
            double[] steps = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4];
            for (var i = 0; i < 5; i++)
            {
                best[i] = Math.Min(best[i], steps[i]);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu ms: FromNumbers x2 {best[0]:F1}, radix x2 {best[1]:F1}, ks merge {best[2]:F1}, clone x2 {best[3]:F1}, Array.Sort x2 {best[4]:F1}"));
    }
}
