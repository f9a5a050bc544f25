using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Tests.Generation;

public sealed class DriftScenariosTests
{
    [Fact]
    public void TryParse_EveryName_RoundTrips()
    {
        foreach (var scenario in Enum.GetValues<DriftScenario>())
        {
            var name = DriftScenarios.GetName(scenario);

            Assert.True(DriftScenarios.TryParse(name, out var parsed));
            Assert.Equal(scenario, parsed);
        }

        Assert.Equal(Enum.GetValues<DriftScenario>().Length, DriftScenarios.AllNames.Count);
    }

    [Theory]
    [InlineData("Covariate-Shift", DriftScenario.CovariateShift)]
    [InlineData(" swapped_columns ", DriftScenario.SwappedColumns)]
    public void TryParse_LooseSpelling_Accepted(string name, DriftScenario expected)
    {
        Assert.True(DriftScenarios.TryParse(name, out var parsed));

        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("covariate")]
    public void TryParse_Unknown_ReturnsFalse(string? name)
    {
        Assert.False(DriftScenarios.TryParse(name, out _));
    }
}
