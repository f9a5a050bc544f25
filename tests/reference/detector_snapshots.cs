#:project ../../src/DriftWatch/DriftWatch.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property NoWarn=CA1305;CA1303;CA5394;CA1515;CA1852;CS1591

// Writes the detector snapshots that SnapshotCompatibilityTests restores: each detector of DetectorCases, fed the
// first 777 values of its stream (ADWIN also up to and including its first drift, DDM also during its warm-up, when
// its minimum is +∞, KSWIN also with an initial window),
// saved with SaveSnapshot. Run from the repository root:
//   dotnet run -c Release tests/reference/detector_snapshots.cs
using System.Globalization;
using DriftWatch.Detectors;

string data = Path.Combine("tests", "DriftWatch.Tests", "TestData", "detectors");
double[] Load(string name) =>
    [.. File.ReadLines(Path.Combine(data, name + ".csv")).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture))];

var cases = new (string File, string Detector, Dictionary<string, string> Options, string Stream, int Count)[]
{
    ("adwin", "adwin", [], "adwin_regression_42", 777),
    ("adwin-at-drift", "adwin", [], "adwin_regression_42", 1024),
    ("page-hinkley", "page-hinkley", [], "adwin_regression_42", 777),
    ("kswin", "kswin", new() { ["alpha"] = "0.0001", ["seed"] = "42" }, "adwin_regression_42", 777),
    ("kswin-window", "kswin", new() { ["alpha"] = "0.0001", ["seed"] = "42", ["window"] = "0,1,0,1,1,0,0,1" }, "adwin_regression_42", 50),
    ("ddm", "ddm", [], "binary_42", 777),
    ("ddm-warming-up", "ddm", [], "binary_42", 5),
    ("eddm", "eddm", [], "binary_42", 777),
    ("hddm-a", "hddm-a", new() { ["two_sided_test"] = "true" }, "binary_42", 777),
    ("hddm-w", "hddm-w", new() { ["two_sided_test"] = "true" }, "binary_42", 777),
    ("fhddm", "fhddm", new() { ["short_window_size"] = "20" }, "fhddm_42", 777),
    ("cusum", "cusum", [], "cusum_12345", 777),
    ("ewma", "ewma", [], "ewma_12345", 777),
    ("shewhart", "shewhart", [], "shewhart_12345", 777),
};

foreach (var (file, name, options, stream, count) in cases)
{
    var detector = DriftDetectors.Create(name, options);
    detector.Update(double.NaN);
    foreach (double x in Load(stream).Take(count))
    {
        detector.Update(x);
    }

    File.WriteAllText(Path.Combine(data, "snapshots", file + ".json"), detector.SaveSnapshot() + "\n");
    Console.WriteLine($"{file}: drift={detector.DriftDetected}");
}
