using System.Text.Json;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

/// <summary>
/// Every binned and categorical method, both profiles, against tests/DriftWatch.Tests/TestData/binned_methods.json
/// (numpy 1.24.2 / scipy 1.10.1, produced by tests/reference/binned_methods.py).
/// </summary>
public sealed class BinnedMethodsReferenceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        var doc = ReferenceData.Load("binned_methods.json");
        return doc.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.Ordinal);
    });

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compute_ReferenceCase_MatchesScipy(string name)
    {
        var c = Cases.Value[name];
        Assert.True(DriftMethods.TryGet(c.GetProperty("method").GetString()!, out var method));
        var profile = c.GetProperty("profile").GetString() == "native" ? DriftProfile.Native : DriftProfile.Evidently;
        var type = c.GetProperty("type").GetString()!;
        var labels = c.GetProperty("labels").GetString()!;
        var reference = ReferenceData.Sample(c.GetProperty("reference"), type, labels);
        var current = ReferenceData.Sample(c.GetProperty("current"), type, labels);
        var threshold = c.GetProperty("threshold").GetDouble();

        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.Throws<DriftMethodException>(() => method.Compute(reference, current, profile, threshold));
            Assert.Contains(error.GetString()!, ex.Message, StringComparison.Ordinal);
            return;
        }

        var result = method.Compute(reference, current, profile, threshold);

        Assert.Equal(method.Name, result.Method);
        Assert.Equal(threshold, result.Threshold);
        var statistic = ReferenceData.Number(c.GetProperty("statistic"));
        if (statistic is null)
        {
            Assert.Null(result.Statistic);
        }
        else
        {
            Assert.NotNull(result.Statistic);
            AssertClose(statistic.Value, result.Statistic.Value, "statistic");
        }

        var p = ReferenceData.Number(c.GetProperty("p_value"));
        if (method.Name == "TVD")
        {
            // 1000 seeded permutations against a 20 000-permutation estimate: within 5 standard errors plus the
            // native (1 + k) / (B + 1) offset.
            var expected = p!.Value;
            var band = (5 * Math.Sqrt(expected * (1 - expected) / 1000)) + 0.0025;
            Assert.InRange(result.PValue!.Value, expected - band, expected + band);
            Assert.Equal(result.PValue, result.Score);
            Assert.Equal(result.Score < threshold, result.Detected);
            return;
        }

        if (p is null)
        {
            Assert.Null(result.PValue);
        }
        else
        {
            Assert.NotNull(result.PValue);
            AssertClose(p.Value, result.PValue.Value, "p-value");
        }

        AssertClose(ReferenceData.Number(c.GetProperty("score"))!.Value, result.Score, "score");
        Assert.Equal(c.GetProperty("detected").GetBoolean(), result.Detected);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsInfinity(expected))
        {
            Assert.Equal(expected, actual);
            return;
        }

        Precision.AssertRelative(expected, actual, what: what);
    }

    [Fact]
    public void ReferenceFile_CoversEveryBinnedMethodInBothProfiles()
    {
        var covered = Cases.Value.Values.Select(c => c.GetProperty("method").GetString() + "/" + c.GetProperty("profile").GetString()).ToHashSet();

        foreach (var m in new[] { "psi", "kl_div", "jensenshannon", "hellinger", "chisquare", "z", "g_test", "fisher_exact", "TVD" })
        {
            Assert.Contains(m + "/evidently", covered);
            Assert.Contains(m + "/native", covered);
        }
    }
}
