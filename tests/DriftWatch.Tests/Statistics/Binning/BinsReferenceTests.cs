using System.Text.Json;
using DriftWatch.Statistics;
using DriftWatch.Statistics.Binning;

namespace DriftWatch.Tests.Statistics.Binning;

/// <summary>The bin edges and counts against numpy (the "bins" section of TestData/binned_methods.json).</summary>
public sealed class BinsReferenceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
        ReferenceData.Load("binned_methods.json").RootElement.GetProperty("bins").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.Ordinal));

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Keys];

    private static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    private static long[] Longs(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt64())];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void QuantileBins_FromSorted_MatchesNumpyQuantileEdgesAndCounts(string name)
    {
        var c = Cases.Value[name];
        var reference = ReferenceData.Sample(c.GetProperty("reference"), "numerical", "number");
        var current = ReferenceData.Sample(c.GetProperty("current"), "numerical", "number");

        var bins = QuantileBins.FromSorted(reference.GetSorted());
        var refCounts = new long[bins.Count];
        var curCounts = new long[bins.Count];
        bins.CountSortedInto(reference.GetSorted(), refCounts);
        bins.CountInto(current.Numbers, curCounts);

        Assert.Equal([.. Doubles(c.GetProperty("quantile_edges")), double.PositiveInfinity], bins.UpperEdges);
        Assert.Equal(Longs(c.GetProperty("quantile_reference_counts")), refCounts);
        Assert.Equal(Longs(c.GetProperty("quantile_current_counts")), curCounts);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EqualWidthBins_Sturges_MatchesNumpyEdgesAndCounts(string name)
    {
        var c = Cases.Value[name];
        var reference = ReferenceData.Sample(c.GetProperty("reference"), "numerical", "number");
        var current = ReferenceData.Sample(c.GetProperty("current"), "numerical", "number");
        var all = reference.Numbers!.Concat(current.Numbers!).ToArray();

        var bins = EqualWidthBins.Sturges(all.Min(), all.Max(), all.Length);
        var counts = new long[bins.Count];
        var inside = bins.CountInto(current.Numbers, counts);

        Assert.Equal(Doubles(c.GetProperty("sturges_edges")), bins.Edges.ToArray());
        Assert.Equal(Longs(c.GetProperty("sturges_current_counts")), counts);
        Assert.Equal(current.Count, inside);
    }
}
