using DriftWatch.Profiles;
using DriftWatch.Tests.Monitoring;

namespace DriftWatch.Tests.Profiles;

/// <summary>
/// Profiles saved by an earlier DriftWatch (reflection-based System.Text.Json; committed under
/// <c>TestData/Profiles/saved</c> by <c>tests/reference/monitor_state_samples.cs</c>) still load, and the current code
/// writes them byte for byte as before.
/// </summary>
public sealed class ReferenceProfileJsonCompatibilityTests
{
    public static TheoryData<string> Files => ["mixed", "no-prediction"];

    [Theory]
    [MemberData(nameof(Files))]
    public void FromJson_CommittedProfile_WritesSameTextBack(string file)
    {
        var json = SavedFormatCases.Read("Profiles", "saved", file + ".json");

        var profile = ReferenceProfile.FromJson(json);

        Assert.Equal(json, profile.ToJson());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ToJson_SameReference_SameTextAsCommitted(string file)
    {
        var json = SavedFormatCases.Read("Profiles", "saved", file + ".json");

        var profile = file == "mixed" ? SavedFormatCases.MixedProfile() : SavedFormatCases.PlainProfile();

        Assert.Equal(json, profile.ToJson());
    }

    [Fact]
    public void FromJson_CommittedMixedProfile_ValuesAsBuilt()
    {
        var built = SavedFormatCases.MixedProfile();

        var loaded = ReferenceProfile.FromJson(SavedFormatCases.Read("Profiles", "saved", "mixed.json"));

        Assert.Equal(built.RowCount, loaded.RowCount);
        Assert.Equal(built.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        Assert.Equal(built.Features.Select(f => f.Type), loaded.Features.Select(f => f.Type));
        for (var i = 0; i < built.Features.Count; i++)
        {
            Assert.Equal(built.Features[i].EdgeArray, loaded.Features[i].EdgeArray);
            Assert.Equal(built.Features[i].CdfArray, loaded.Features[i].CdfArray);
            Assert.Equal(built.Features[i].CategoryArray, loaded.Features[i].CategoryArray);
            Assert.Equal(built.Features[i].CategoryCountArray, loaded.Features[i].CategoryCountArray);
            Assert.Equal(built.Features[i].Min, loaded.Features[i].Min);
        }

        Assert.Contains("😀", loaded.Features[1].CategoryArray);
        Assert.True(double.IsPositiveInfinity(loaded.Features[0].EdgeArray[^1]));
        Assert.NotNull(loaded.Prediction);
        Assert.Equal(built.Prediction!.SampleArray, loaded.Prediction.SampleArray);
    }
}
