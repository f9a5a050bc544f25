using DriftWatch.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DriftWatch.Tests.Statistics;

/// <summary>Invariants of the numerical methods over random inputs (values on a 1/8 grid, so ties are common).</summary>
public sealed class ContinuousMethodsPropertyTests
{
    private static readonly string[] Tests = ["ks", "anderson", "cramer_von_mises", "mannw", "es", "t_test", "empirical_mmd"];

    private static readonly string[] Symmetric = ["ks", "anderson", "cramer_von_mises", "t_test", "ed"];

    private static double[] ToValues(int[] raw) => [.. raw.Select(v => v / 8.0)];

    private static DriftTestResult? TryCompute(string method, double[] reference, double[] current, DriftProfile profile)
    {
        DriftMethods.TryGet(method, out var m);
        try
        {
            return m!.Compute(ColumnSample.FromNumbers(reference), ColumnSample.FromNumbers(current), profile, m.DefaultThreshold(profile));
        }
        catch (DriftMethodException)
        {
            // A documented refusal (e.g. zero IQR for es, one distinct value for anderson) is allowed.
            return null;
        }
    }

    [Property(MaxTest = 60)]
    public bool Compute_AnyInput_PValueWithinUnitInterval(NonEmptyArray<int> a, NonEmptyArray<int> b, bool native)
    {
        var profile = native ? DriftProfile.Native : DriftProfile.Evidently;
        foreach (var method in Tests)
        {
            var r = TryCompute(method, ToValues(a.Get), ToValues(b.Get), profile);
            if (r is { PValue: { } p } && !double.IsNaN(p) && p is < 0 or > 1)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 60)]
    public bool Compute_IdenticalSamples_ZeroDistanceAndNoKsDrift(NonEmptyArray<int> a)
    {
        var x = ToValues(a.Get);
        var w = TryCompute("wasserstein", x, x, DriftProfile.Native)!.Value;
        var ed = TryCompute("ed", x, x, DriftProfile.Native)!.Value;
        var ks = TryCompute("ks", x, x, DriftProfile.Native)!.Value;
        return w.Score == 0 && ed.Score == 0 && ks.Statistic == 0 && ks.PValue == 1 && !ks.Detected;
    }

    [Property(MaxTest = 40)]
    public bool Compute_SwappedSides_SymmetricMethodsAgree(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var x = ToValues(a.Get);
        var y = ToValues(b.Get);
        foreach (var method in Symmetric)
        {
            var r1 = TryCompute(method, x, y, DriftProfile.Native);
            var r2 = TryCompute(method, y, x, DriftProfile.Native);
            if (r1 is null != r2 is null)
            {
                return false;
            }

            if (r1 is { } u && r2 is { } v)
            {
                var s1 = Math.Abs(u.Statistic ?? 0);
                var s2 = Math.Abs(v.Statistic ?? 0);
                if (!Close(s1, s2) || !Close(u.Score, v.Score))
                {
                    return false;
                }
            }
        }

        // Mann-Whitney two-sided: the p-value is symmetric and U₁ + U₂ = n·m.
        var m1 = TryCompute("mannw", x, y, DriftProfile.Native)!.Value;
        var m2 = TryCompute("mannw", y, x, DriftProfile.Native)!.Value;
        return Close(m1.Score, m2.Score) && m1.Statistic + m2.Statistic == (double)x.Length * y.Length;
    }

    [Property(MaxTest = 40)]
    public bool Compute_PermutedRows_SameResult(NonEmptyArray<int> a, NonEmptyArray<int> b, int seed)
    {
        var x = ToValues(a.Get);
        var y = ToValues(b.Get);
        var random = new Random(seed);
        var xp = (double[])x.Clone();
        var yp = (double[])y.Clone();
        random.Shuffle(xp);
        random.Shuffle(yp);
        foreach (var method in new[] { "ks", "anderson", "cramer_von_mises", "mannw", "es", "t_test", "ed", "wasserstein" })
        {
            var r1 = TryCompute(method, x, y, DriftProfile.Evidently);
            var r2 = TryCompute(method, xp, yp, DriftProfile.Evidently);
            if (r1 is null != r2 is null)
            {
                return false;
            }

            if (r1 is { } u && r2 is { } v && (!Close(u.Score, v.Score) || !Close(u.Statistic ?? 0, v.Statistic ?? 0)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Close(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-12;
}
