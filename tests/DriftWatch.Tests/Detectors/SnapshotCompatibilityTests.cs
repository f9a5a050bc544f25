using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// Snapshots written by an earlier DriftWatch (reflection-based System.Text.Json; committed under
/// <c>TestData/detectors/snapshots</c> by <c>tests/reference/detector_snapshots.cs</c>) still restore: the restored
/// detector saves the same text back and then signals exactly as a detector that never stopped.
/// </summary>
public sealed class SnapshotCompatibilityTests
{
    public static TheoryData<string, string, string, int> Files => new()
    {
        { "adwin", "adwin", "adwin_regression_42", 777 },
        { "adwin-at-drift", "adwin", "adwin_regression_42", 1024 },
        { "page-hinkley", "page-hinkley", "adwin_regression_42", 777 },
        { "kswin", "kswin", "adwin_regression_42", 777 },
        { "kswin-window", "kswin-window", "adwin_regression_42", 50 },
        { "ddm", "ddm", "binary_42", 777 },
        { "ddm-warming-up", "ddm", "binary_42", 5 },
        { "eddm", "eddm", "binary_42", 777 },
        { "hddm-a", "hddm-a", "binary_42", 777 },
        { "hddm-w", "hddm-w", "binary_42", 777 },
        { "fhddm", "fhddm", "fhddm_42", 777 },
        { "cusum", "cusum", "cusum_12345", 777 },
        { "ewma", "ewma", "ewma_12345", 777 },
        { "shewhart", "shewhart", "shewhart_12345", 777 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Restore_CommittedSnapshot_SavesSameTextAndContinuesLikeAnUninterruptedRun(string file, string configuration, string stream, int count)
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "detectors", "snapshots", file + ".json")).TrimEnd('\n');
        double[] values = DetectorStreams.Load(stream);
        double[] rest = [.. values.Skip(count), .. values];
        var uninterrupted = Create(configuration);
        uninterrupted.Update(double.NaN);
        DetectorStreams.Run(uninterrupted, values.Take(count));
        var expected = DetectorStreams.Run(uninterrupted, rest);

        var restored = DriftDetectors.Restore(json);
        string saved = restored.SaveSnapshot();
        var actual = DetectorStreams.Run(restored, rest);

        Assert.Equal(json, saved);
        Assert.NotEmpty(expected.Drifts);
        Assert.Equal(expected.Drifts, actual.Drifts);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    private static IDriftDetector Create(string configuration) => configuration == "kswin-window"
        ? DriftDetectors.Create("kswin", new Dictionary<string, string> { ["alpha"] = "0.0001", ["seed"] = "42", ["window"] = "0,1,0,1,1,0,0,1" })
        : DetectorCases.Create(configuration);
}
