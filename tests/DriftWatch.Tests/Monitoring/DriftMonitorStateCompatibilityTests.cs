using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Tests.Monitoring;

/// <summary>
/// Monitor states saved by an earlier DriftWatch (reflection-based System.Text.Json; committed under
/// <c>TestData/Monitoring/states</c> by <c>tests/reference/monitor_state_samples.cs</c>) still restore: the current code
/// writes the same state byte for byte, a restored monitor saves the same text back, and it then carries on exactly as
/// the monitor that never stopped.
/// </summary>
public sealed class DriftMonitorStateCompatibilityTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "fresh", "adwin" },
        { "running-adwin", "adwin" },
        { "running-ddm", "ddm" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void SaveState_SameInputs_SameTextAsCommitted(string file, string detector)
    {
        var json = SavedFormatCases.Read("Monitoring", "states", file + ".json");

        var monitor = Uninterrupted(file, detector);

        Assert.Equal(json, monitor.SaveState());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RestoreState_CommittedState_SavesSameTextBack(string file, string detector)
    {
        var json = SavedFormatCases.Read("Monitoring", "states", file + ".json");
        var monitor = new DriftMonitor(Profile(), SavedFormatCases.Inputs(), SavedFormatCases.Options(detector), new FakeTimeProvider(SavedFormatCases.Now));

        monitor.RestoreState(json);

        Assert.Equal(json, monitor.SaveState());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RestoreState_CommittedState_ContinuesLikeAnUninterruptedMonitor(string file, string detector)
    {
        var time = new FakeTimeProvider(SavedFormatCases.Now);
        var uninterrupted = Uninterrupted(file, detector);
        var restored = new DriftMonitor(Profile(), SavedFormatCases.Inputs(), SavedFormatCases.Options(detector), time);
        restored.RestoreState(SavedFormatCases.Read("Monitoring", "states", file + ".json"));

        SavedFormatCases.Feed(uninterrupted, seed: 8);
        SavedFormatCases.Feed(restored, seed: 8);
        var expected = uninterrupted.Evaluate();
        var actual = restored.Evaluate();

        Assert.True(expected.Concept.Detections >= 1);
        Assert.Equal(expected.WindowRows, actual.WindowRows);
        Assert.Equal(expected.DriftedFeatures, actual.DriftedFeatures);
        Assert.Equal(expected.Features!.Columns.Select(c => c.Result.Score), actual.Features!.Columns.Select(c => c.Result.Score));
        Assert.Equal(expected.Quality, actual.Quality);
        Assert.Equal(expected.Concept, actual.Concept);
        Assert.Equal(uninterrupted.SaveState(), restored.SaveState());
    }

    private static ReferenceProfile Profile() => ReferenceProfile.FromJson(SavedFormatCases.Read("Profiles", "saved", "mixed.json"));

    private static DriftMonitor Uninterrupted(string file, string detector)
    {
        var monitor = new DriftMonitor(
            SavedFormatCases.MixedProfile(), SavedFormatCases.Inputs(), SavedFormatCases.Options(detector), new FakeTimeProvider(SavedFormatCases.Now));
        if (file != "fresh")
        {
            SavedFormatCases.Feed(monitor, seed: 7);
        }

        return monitor;
    }
}
