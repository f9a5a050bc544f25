#:project ../../src/DriftWatch/DriftWatch.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property NoWarn=CA1305;CA1303;CA5394;CA1515;CA1852;CS1591

// Updates per CPU-second of each detector over DetectorsBenchmark's 1e6-value streams, one Update(double) call per
// value ("single") and through the batch Update(ReadOnlySpan<double>, ...) ("batch"), with the ratio to River's quoted
// rates. A shared, loaded machine inflates BenchmarkDotNet's wall-clock times; process CPU time is the better yardstick.
// Each measured loop is a method that is first warmed up (called on short slices for half a second) so that, as under
// BenchmarkDotNet, the measured code is the JIT's final tier (with its profile-guided devirtualization of the
// interface calls), not the on-stack-replaced first tier of a loop that runs once.
// Run from the repository root: dotnet run -c Release bench/scripts/detectors_cpu_time.cs [detector ...]
using System.Diagnostics;
using System.Globalization;
using DriftWatch.Detectors;

const int N = 1_000_000;
const int Repetitions = 21;

// Enough calls of every measured loop for the tiered JIT to promote it to its optimised (tier-1, profile-guided)
// code, which is what a long-running service runs; with a time-boxed warm-up a loop could be measured in its
// on-stack-replacement version and the figures moved from run to run. The single-update column goes through
// IDriftDetector: two interface calls per update (Update, DriftDetected). Whether the JIT devirtualises them differs
// from one process to the next; for ADWIN, whose update takes a few nanoseconds, that shows: most runs measure
// ~115 M/CPU-s (17x River), some ~150 (23x), the figure of the same loop on the sealed type (the last line), which
// does not depend on it, nor does the batch column.
const int WarmUpCalls = 200;

// River 0.26 on one core of this kind of machine, updates per second (the issue's figures).
var river = new Dictionary<string, double>
{
    ["adwin"] = 6.6e6, ["page-hinkley"] = 2.8e6, ["ddm"] = 3.0e6, ["eddm"] = 4.5e6,
    ["hddm-a"] = 0.63e6, ["hddm-w"] = 0.41e6, ["kswin"] = 21e3,
};

string[] names = args.Length > 0 ? args : [.. DriftDetectors.Names];
Console.WriteLine("detector        single M/CPU-s  x River   batch M/CPU-s  x River   B/update  drifts");
using var process = Process.GetCurrentProcess();
int[] driftBuffer = new int[N];
int[] warningBuffer = new int[N];
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
    for (int call = 0; call < WarmUpCalls; call++)
    {
        detector.Reset();
        RunSingle(detector, stream.AsSpan(0, 5_000));
        detector.Reset();
        detector.Update(stream.AsSpan(0, 5_000), driftBuffer, warningBuffer);
    }

    WaitForTierUp();

    double bestSingle = double.MaxValue;
    double bestBatch = double.MaxValue;
    long allocated = 0;
    int drifts = 0;
    int batchDrifts = 0;
    for (int rep = 0; rep < Repetitions; rep++)
    {
        detector.Reset();
        drifts = 0;
        process.Refresh();
        TimeSpan cpu0 = process.TotalProcessorTime;
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        drifts = RunSingle(detector, stream);

        process.Refresh();
        TimeSpan cpu1 = process.TotalProcessorTime;
        detector.Reset();
        var result = detector.Update(stream, driftBuffer, warningBuffer);
        process.Refresh();
        TimeSpan cpu2 = process.TotalProcessorTime;
        allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - bytes0);
        batchDrifts = result.DriftCount;
        bestSingle = Math.Min(bestSingle, (cpu1 - cpu0).TotalSeconds);
        bestBatch = Math.Min(bestBatch, (cpu2 - cpu1).TotalSeconds);
    }

    if (batchDrifts != drifts)
    {
        throw new InvalidOperationException($"{name}: {drifts} drifts one by one, {batchDrifts} in a batch.");
    }

    double single = N / bestSingle;
    double batch = N / bestBatch;
    string Ratio(double rate) => river.TryGetValue(name, out double r) ? (rate / r).ToString("F1", CultureInfo.InvariantCulture) + "x" : "-";
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-14} {single / 1e6,14:F2} {Ratio(single),8} {batch / 1e6,15:F2} {Ratio(batch),8} {allocated / (2.0 * N),10:F3}  {drifts}"));
}

// ADWIN's single update called on the sealed type (as code holding an Adwin does): the call is direct and inlinable,
// where the loop above calls through IDriftDetector.
if (names.Contains("adwin"))
{
    var random = new Random(20240601);
    var stream = new double[N];
    for (int i = 0; i < N; i++)
    {
        stream[i] = i / (N / 4) % 2 == 1 ? random.Next(4, 8) : random.Next(0, 2);
    }

    var adwin = new Adwin();
    for (int call = 0; call < WarmUpCalls; call++)
    {
        adwin.Reset();
        RunAdwin(adwin, stream.AsSpan(0, 5_000));
    }

    WaitForTierUp();

    double best = double.MaxValue;
    for (int rep = 0; rep < Repetitions; rep++)
    {
        adwin.Reset();
        process.Refresh();
        TimeSpan cpu0 = process.TotalProcessorTime;
        RunAdwin(adwin, stream);
        process.Refresh();
        best = Math.Min(best, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"adwin, single update on the sealed type: {N / best / 1e6:F2} M/CPU-s, {N / best / river["adwin"]:F1}x River"));
}

// Tier-1 compilation runs on a background thread after a method's 30th call (and a 100 ms quiet delay): give it time.
static void WaitForTierUp() => Thread.Sleep(1_000);

static int RunAdwin(Adwin detector, ReadOnlySpan<double> stream)
{
    int drifts = 0;
    foreach (double x in stream)
    {
        detector.Update(x);
        if (detector.DriftDetected)
        {
            drifts++;
        }
    }

    return drifts;
}

static int RunSingle(IDriftDetector detector, ReadOnlySpan<double> stream)
{
    int drifts = 0;
    foreach (double x in stream)
    {
        detector.Update(x);
        if (detector.DriftDetected)
        {
            drifts++;
        }
    }

    return drifts;
}
