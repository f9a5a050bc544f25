using System.Text.Json;
using DriftWatch.Data;
using DriftWatch.Profiles;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Profiles;

public sealed class ReferenceProfileTests
{
    public static TheoryData<string> Cases() => ["lognormal_1000", "poisson_ties_500", "normal_with_missing_300", "uniform_5_bins_200"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_NumericColumn_EdgesAndCdfMatchNumpy(string name)
    {
        var expected = LoadCase(name);
        var data = new Dataset("t", [new DatasetColumn("x", ValueKind.Float, expected.Values, null)]);

        var profile = ReferenceProfile.Build(data, new ReferenceProfileOptions { BinCount = expected.Bins });
        var feature = profile.Features[0];

        Assert.Equal(expected.InnerEdges.Length + 1, feature.Edges.Count);
        for (var i = 0; i < expected.InnerEdges.Length; i++)
        {
            Assert.Equal(expected.InnerEdges[i], feature.Edges[i], 1e-12 * Math.Max(1, Math.Abs(expected.InnerEdges[i])));
        }

        Assert.Equal(double.PositiveInfinity, feature.Edges[^1]);
        Assert.Equal(expected.Cdf, feature.ReferenceCdf);
        Assert.Equal(expected.Missing, feature.Missing);
        Assert.Equal(expected.Min, feature.Min);
        Assert.Equal(expected.Max, feature.Max);
        Assert.Equal("+Inf", feature.EdgeLabels[^1]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BinOf_EveryReferenceValue_CountsReproduceCdf(string name)
    {
        var expected = LoadCase(name);
        var data = new Dataset("t", [new DatasetColumn("x", ValueKind.Float, expected.Values, null)]);
        var feature = ReferenceProfile.Build(data, new ReferenceProfileOptions { BinCount = expected.Bins }).Features[0];
        var counts = new long[feature.Edges.Count];

        foreach (var v in expected.Values.Where(double.IsFinite))
        {
            counts[feature.BinOf(v)]++;
        }

        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            Assert.Equal(expected.Cdf[i], cumulative / (double)feature.Count);
        }
    }

    [Fact]
    public void Build_LargeReference_SampleBoundedAndCloseToReference()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble() * random.NextDouble()).ToArray();
        var data = new Dataset("t", [new DatasetColumn("x", ValueKind.Float, values, null)]);

        var feature = ReferenceProfile.Build(data, new ReferenceProfileOptions { SampleSize = 2_000 }).Features[0];

        Assert.Equal(2_000, feature.Sample.Count);
        var sorted = values.Order().ToArray();
        var sample = feature.Sample.ToArray();
        Assert.Equal(sample.Order(), sample);
        foreach (var x in sorted.Where((_, i) => i % 97 == 0))
        {
            var full = UpperBound(sorted, x) / (double)sorted.Length;
            var approx = UpperBound(sample, x) / (double)sample.Length;
            Assert.True(Math.Abs(full - approx) <= 1.0 / 2_000 + 1e-12, $"x={x}: {full} vs {approx}");
        }
    }

    [Fact]
    public void SampleDataset_KeepsMissingShareAndCategoryProportions()
    {
        var numbers = Enumerable.Range(0, 1_000).Select(i => i % 4 == 0 ? double.NaN : i).ToArray();
        var labels = Enumerable.Range(0, 1_000).Select(i => i % 10 < 7 ? "a" : i % 10 < 9 ? "b" : i % 100 == 99 ? null : "c").ToArray();
        var data = new Dataset("t", [new DatasetColumn("n", ValueKind.Float, numbers, null), new DatasetColumn("c", ValueKind.String, null, labels)]);

        var profile = ReferenceProfile.Build(data, new ReferenceProfileOptions { SampleSize = 200 });
        var sample = profile.SampleDataset;

        Assert.Equal(200, sample.RowCount);
        Assert.Equal(50, sample.Columns[0].Numbers!.Count(double.IsNaN));
        var c = sample.Columns[1].Strings!;
        Assert.Equal(2, c.Count(s => s is null));
        Assert.Equal(140, c.Count(s => s == "a"));
        Assert.Equal(40, c.Count(s => s == "b"));
        Assert.Equal(18, c.Count(s => s == "c"));
        Assert.Equal(["a", "b", "c"], profile.Features[1].Categories);
        Assert.Equal([700L, 200L, 90L], profile.Features[1].CategoryCounts);
        Assert.Equal(0.01, profile.Features[1].MissingRate, 12);
    }

    [Fact]
    public void ToJson_RoundTrip_SameProfile()
    {
        var expected = LoadCase("normal_with_missing_300");
        var data = new Dataset("t", [
            new DatasetColumn("x", ValueKind.Float, expected.Values, null),
            new DatasetColumn("c", ValueKind.String, null, [.. expected.Values.Select(v => v > 40 ? "hi" : "lo")]),
        ]);
        var profile = ReferenceProfile.Build(data, predictions: expected.Values.Select(v => double.IsNaN(v) ? 0.5 : v / 100).ToArray());

        var copy = ReferenceProfile.FromJson(profile.ToJson());

        Assert.Equal(profile.ToJson(), copy.ToJson());
        Assert.Equal(profile.Features[0].Edges, copy.Features[0].Edges);
        Assert.Equal(ColumnType.Categorical, copy.Features[1].Type);
        Assert.NotNull(copy.Prediction);
        Assert.Equal(profile.SampleDataset.Columns[0].Numbers, copy.SampleDataset.Columns[0].Numbers);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"version":99,"features":[]}""")]
    public void FromJson_NotAProfile_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => ReferenceProfile.FromJson(json));
    }

    [Fact]
    public void Build_NoRows_Throws()
    {
        var data = new Dataset("empty.csv", [new DatasetColumn("x", ValueKind.Float, [], null)]);

        var ex = Assert.Throws<ArgumentException>(() => ReferenceProfile.Build(data));

        Assert.Contains("empty.csv", ex.Message, StringComparison.Ordinal);
    }

    private static int UpperBound(double[] sorted, double x)
    {
        var i = Array.BinarySearch(sorted, x);
        if (i < 0)
        {
            return ~i;
        }

        while (i < sorted.Length && sorted[i] <= x)
        {
            i++;
        }

        return i;
    }

    private static ReferenceCase LoadCase(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Profiles", "profile_reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("name").GetString() == name)
            {
                return new ReferenceCase(
                    [.. c.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())],
                    c.GetProperty("bins").GetInt32(),
                    [.. c.GetProperty("inner_edges").EnumerateArray().Select(v => v.GetDouble())],
                    [.. c.GetProperty("cdf").EnumerateArray().Select(v => v.GetDouble())],
                    c.GetProperty("missing").GetInt32(),
                    c.GetProperty("min").GetDouble(),
                    c.GetProperty("max").GetDouble());
            }
        }

        throw new InvalidOperationException(name);
    }

    private sealed record ReferenceCase(double[] Values, int Bins, double[] InnerEdges, double[] Cdf, int Missing, double Min, double Max);
}
