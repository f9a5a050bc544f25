using System.Text.Json;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

/// <summary>
/// Every numerical method in both profiles against scipy 1.10.1 (TestData/continuous_methods.json): statistic and
/// p-value to 1e-9 relative (1e-12 absolute near zero), errors where scipy refuses the input, and the verdict at the
/// default threshold.
/// </summary>
public sealed class ContinuousMethodsReferenceTests
{
    private static readonly string[] MethodNames =
        ["ks", "anderson", "cramer_von_mises", "mannw", "es", "t_test", "ed", "wasserstein", "empirical_mmd"];

    public static TheoryData<string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var c in ContinuousReference.Cases)
        {
            foreach (var profile in new[] { "evidently", "native" })
            {
                if (!c.TryGetProperty(profile, out var results))
                {
                    continue;
                }

                foreach (var method in MethodNames)
                {
                    if (results.TryGetProperty(method, out _))
                    {
                        rows.Add(c.GetProperty("name").GetString()!, method, profile);
                    }
                }
            }
        }

        return rows;
    }

    [Fact]
    public void Generator_ReproducesScriptData_SumsMatch()
    {
        foreach (var c in ContinuousReference.Cases.Where(c => c.TryGetProperty("reference_sum", out _)))
        {
            var name = c.GetProperty("name").GetString()!;
            var (reference, current) = ContinuousReference.Data(name);

            // numpy's pairwise sum and a compensated sum agree to far better than this on these data.
            Precision.AssertRelative(c.GetProperty("reference_sum").GetDouble(), Moments.Sum(reference.Numbers!), 1e-12, 1e-9, name);
            Precision.AssertRelative(c.GetProperty("current_sum").GetDouble(), Moments.Sum(current.Numbers!), 1e-12, 1e-9, name);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Compute_ReferenceCase_MatchesScipy(string caseName, string method, string profileName)
    {
        var expected = ContinuousReference.Case(caseName).GetProperty(profileName).GetProperty(method);
        var profile = profileName == "native" ? DriftProfile.Native : DriftProfile.Evidently;
        Assert.True(DriftMethods.TryGet(method, out var m));
        var (reference, current) = ContinuousReference.Data(caseName);
        var threshold = m.DefaultThreshold(profile);

        if (expected.TryGetProperty("error", out _))
        {
            var ex = Assert.Throws<DriftMethodException>(() => m.Compute(reference, current, profile, threshold));
            Assert.Contains($"'{method}'", ex.Message, StringComparison.Ordinal);
            return;
        }

        var result = m.Compute(reference, current, profile, threshold);

        var what = $"{caseName}/{method}/{profileName}";
        var statistic = Number(expected.GetProperty("statistic"));
        Assert.NotNull(result.Statistic);
        if (method == "es" && statistic > 1e20)
        {
            // Both sides constant: the covariance matrix is rounding noise and W = Δgᵀ Σ⁺ Δg is its inverse, so
            // scipy's value and ours are equally arbitrary. Only the conclusion (W astronomically large, p = 0) is
            // meaningful and is what we check.
            Assert.True(result.Statistic.Value > 1e20, what);
        }
        else
        {
            Precision.AssertRelative(statistic, result.Statistic.Value, what: what + " statistic");
        }
        if (method == "empirical_mmd")
        {
            // Permutation p-value: 100 seeded permutations against scipy's 2000; 3 binomial standard errors.
            var pRef = Number(expected.GetProperty("p_value"));
            Assert.NotNull(result.PValue);
            Assert.InRange(result.PValue.Value, Math.Max(0, pRef - 0.15), Math.Min(1, pRef + 0.16));
            return;
        }

        var pv = expected.GetProperty("p_value");
        if (pv.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(result.PValue);
            Assert.Equal(result.Statistic.Value, result.Score);
            Assert.Equal(method == "ed" ? statistic > threshold : statistic >= threshold, result.Detected);
            return;
        }

        var p = Number(pv);
        Assert.NotNull(result.PValue);
        Precision.AssertRelative(p, result.PValue.Value, what: what + " p-value");
        var inclusive = method is "ks" or "cramer_von_mises";
        Assert.Equal(!double.IsNaN(p) && (inclusive ? p <= threshold : p < threshold), result.Detected);
    }

    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        _ => double.NaN,
    };
}
