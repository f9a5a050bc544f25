using System.Diagnostics;
using System.Globalization;
using DriftWatch.Statistics;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Times the numerical methods on the data written by bench/scripts/continuous_vs_scipy.py (two float64 arrays),
/// so the scipy and DriftWatch timings use the same values in the same run. Prints one "method seconds" line each.
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

        foreach (var name in Methods)
        {
            DriftMethods.TryGet(name, out var method);
            var best = double.PositiveInfinity;
            var score = 0.0;

            // One warm-up (JIT, thread pool), then the best of the repeats, each from fresh unsorted samples.
            for (var r = 0; r <= repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                var result = method!.Compute(ColumnSample.FromNumbers(reference), ColumnSample.FromNumbers(current), DriftProfile.Native, 0.05);
                sw.Stop();
                score = result.Statistic ?? result.Score;
                if (r > 0)
                {
                    best = Math.Min(best, sw.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {best:R} {score:R}"));
        }
    }
}
