#:project ../../src/DriftWatch/DriftWatch.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property NoWarn=CA1305;CA1303;CA5394;CA1515;CA1852;CS1591

// Writes the saved reference profiles (ReferenceProfile.ToJson) and saved drift monitor states
// (DriftMonitor.SaveState) that ReferenceProfileJsonCompatibilityTests and
// DriftMonitorStateCompatibilityTests read back. The inputs are the deterministic ones of SavedFormatCases in the test
// project (seeded System.Random; the two copies must stay identical). Run from the
// repository root:
//   dotnet run -c Release tests/reference/monitor_state_samples.cs
using DriftWatch.Data;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;

string data = Path.Combine("tests", "DriftWatch.Tests", "TestData");
var mixed = MixedProfile();
Write(Path.Combine(data, "Profiles", "saved", "mixed.json"), mixed.ToJson());
Write(Path.Combine(data, "Profiles", "saved", "no-prediction.json"), PlainProfile().ToJson());

var time = new FixedTime(new DateTimeOffset(2026, 11, 27, 12, 34, 56, 789, TimeSpan.Zero));
var fresh = new DriftMonitor(mixed, Inputs(), Options("adwin"), time);
Write(Path.Combine(data, "Monitoring", "states", "fresh.json"), fresh.SaveState());
foreach (var detector in new[] { "adwin", "ddm" })
{
    var monitor = new DriftMonitor(mixed, Inputs(), Options(detector), time);
    Feed(monitor, seed: 7);
    Write(Path.Combine(data, "Monitoring", "states", "running-" + detector + ".json"), monitor.SaveState());
    Console.WriteLine($"{detector}: detections={monitor.Evaluate().Concept.Detections}");
}

static void Write(string path, string text) => File.WriteAllText(path, text + "\n");

static DriftMonitorOptions Options(string detector) => new()
{
    WindowSize = 300, MinimumRows = 100, QualityWindow = 200, Detector = detector, Classification = true,
};

// ---- the same inputs as SavedFormatCases (tests/DriftWatch.Tests/Monitoring/SavedFormatCases.cs) ----
static string[] Inputs() => ["x", "c", "z"];

static string?[] Categories() => ["a", "b", "é", "quote\"d", "<tag>&", "line\nbreak", "😀", ""];

static ReferenceProfile MixedProfile()
{
    var random = new Random(11);
    const int n = 500;
    var x = new double[n];
    var c = new string?[n];
    var z = new double[n];
    var predictions = new double[n];
    for (var i = 0; i < n; i++)
    {
        var u = random.NextDouble();
        x[i] = u < 0.05 ? double.NaN : Math.Exp(3 * random.NextDouble());
        c[i] = u < 0.1 ? null : Categories()[random.Next(Categories().Length)];
        z[i] = i % 2 == 0 ? -1e-300 : 1.7976931348623157e308;
        predictions[i] = random.NextDouble() / 3;
    }

    var reference = new Dataset(
        "mixed",
        [new DatasetColumn("x", ValueKind.Float, x, null), new DatasetColumn("c", ValueKind.String, null, c), new DatasetColumn("z", ValueKind.Float, z, null)]);
    return ReferenceProfile.Build(reference, new ReferenceProfileOptions { SampleSize = 40, BinCount = 5 }, predictions);
}

static ReferenceProfile PlainProfile()
{
    var constant = Enumerable.Repeat(2.5, 30).ToArray();
    var empty = Enumerable.Repeat(double.NaN, 30).ToArray();
    var category = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "yes" : "no").ToArray();
    var reference = new Dataset(
        "plain",
        [new DatasetColumn("constant", ValueKind.Float, constant, null), new DatasetColumn("empty", ValueKind.Float, empty, null),
            new DatasetColumn("category", ValueKind.String, null, category)]);
    return ReferenceProfile.Build(reference, new ReferenceProfileOptions { SampleSize = 10 });
}

static void Feed(DriftMonitor monitor, int seed)
{
    var random = new Random(seed);
    const int rows = 450;
    var numbers = new double[rows * 3];
    var strings = new string?[rows * 3];
    var scores = new double[rows];
    for (var r = 0; r < rows; r++)
    {
        var u = random.NextDouble();
        numbers[r * 3] = u < 0.05 ? double.NaN : u < 0.07 ? double.PositiveInfinity : Math.Exp(3 * random.NextDouble()) + 1;
        numbers[(r * 3) + 2] = u < 0.5 ? -0.0 : random.NextDouble() * 1e-310;
        strings[(r * 3) + 1] = u < 0.1 ? null : Categories()[random.Next(Categories().Length)];
        scores[r] = u < 0.03 ? double.NaN : random.NextDouble();
    }

    monitor.Observe(numbers, strings, rows, scores);
    for (var i = 0; i < 1_500; i++)
    {
        monitor.ObserveOutcome(1, random.NextDouble() < (i < 800 ? 0.9 : 0.3) ? 1 : 0);
    }
}

sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
