using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class KolmogorovDistributionTests
{
    // Expected values: scipy 1.10.1 stats.kstwo.sf(x, n) (see TestData/README.md); each row exercises one branch
    // of Simard-L'Ecuyer's selection (Ruben-Gambino, Durbin matrix, Pomeranz, Smirnov sum, Pelz-Good).
    [Theory]
    [InlineData(5, 0.3, 0.664)]
    [InlineData(5, 0.7, 0.005560000000000004)]
    [InlineData(100, 0.05, 0.9532159710635725)]
    [InlineData(100, 0.12, 0.1033037490181987)]
    [InlineData(100, 0.3, 1.7719869892662917e-08)]
    [InlineData(1000, 0.01, 0.9999496745370611)]
    [InlineData(1000, 0.05, 0.013012074781090332)]
    [InlineData(1000, 0.02, 0.8108971656895577)]
    [InlineData(5000, 0.03, 0.00024159234422666817)]
    [InlineData(50000, 0.004, 0.3994316646755731)]
    [InlineData(50000, 0.01, 9.018048811843602e-05)]
    [InlineData(200000, 0.001, 0.9881500208855729)]
    [InlineData(200000, 0.004, 0.003314212822560255)]
    [InlineData(140, 0.2, 2.1981563302200222e-05)]
    [InlineData(141, 0.2, 2.0276784223976912e-05)]
    [InlineData(7, 0.51, 0.032571692106631925)]
    [InlineData(20, 0.95, 1.9073486328125338e-26)]
    public void Sf_MatchesScipyKstwo(int n, double x, double expected)
    {
        var actual = KolmogorovDistribution.Sf(x, n);

        Precision.AssertRelative(expected, actual);
    }

    public static TheoryData<int, double, double> ScipyGrid()
    {
        var rows = new TheoryData<int, double, double>();
        foreach (var e in ContinuousReference.Root.GetProperty("kstwo_sf").EnumerateArray())
        {
            rows.Add(e.GetProperty("n").GetInt32(), e.GetProperty("x").GetDouble(), e.GetProperty("sf").GetDouble());
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ScipyGrid))]
    public void Sf_ScipyGrid_Matches(int n, double x, double expected)
    {
        var actual = KolmogorovDistribution.Sf(x, n);

        Precision.AssertRelative(expected, actual, what: $"kstwo.sf({x}, {n})");
    }
}
