#:project ../../src/DriftWatch/DriftWatch.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property NoWarn=CA1305;CA1303;CA5394;CA1515;CA1852;CS1591

// Updates per CPU-second of each detector over DetectorsBenchmark's 1e6-value streams. A shared, loaded machine
// inflates BenchmarkDotNet's wall-clock times; process CPU time is the better yardstick there.
// Run from the repository root: dotnet run -c Release bench/scripts/detectors_cpu_time.cs [detector ...]
using System.Diagnostics;
using System.Globalization;
using DriftWatch.Detectors;

const int N = 1_000_000;
string[] names = args.Length > 0 ? args : [.. DriftDetectors.Names];
foreach (string name in names)
{
    var random = new Random(20240601);
    bool binary = name is "ddm" or "eddm" or "hddm-a" or "hddm-w" or "fhddm";
    var stream = new double[N];
    for (int i = 0; i < N; i++)
    {
        bool second = i / (N / 4) % 2 == 1;
        stream[i] = binary ? (random.NextDouble() < (second ? 0.4 : 0.2) ? 1 : 0) : (second ? random.Next(4, 8) : random.Next(0, 2));
    }

    var options = name == "kswin" ? new Dictionary<string, string> { ["seed"] = "42" } : null;
    var detector = DriftDetectors.Create(name, options);
    double best = double.MaxValue;
    long allocated = 0;
    int drifts = 0;
    using var process = Process.GetCurrentProcess();
    for (int rep = 0; rep < 7; rep++)
    {
        detector.Reset();
        drifts = 0;
        process.Refresh();
        TimeSpan cpu0 = process.TotalProcessorTime;
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        foreach (double x in stream)
        {
            detector.Update(x);
            if (detector.DriftDetected)
            {
                drifts++;
            }
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - bytes0;
        process.Refresh();
        best = Math.Min(best, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} {N / best / 1e6,9:F2} M updates/CPU-s  {allocated / (double)N:F3} B/update  drifts={drifts}"));
}
