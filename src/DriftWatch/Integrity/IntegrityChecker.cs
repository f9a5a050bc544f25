using System.Globalization;
using DriftWatch.Data;
using DriftWatch.Profiles;
using DriftWatch.Statistics;

namespace DriftWatch.Integrity;

/// <summary>Finds data-integrity faults in a window of rows by comparing it with the reference profile.</summary>
/// <remarks>
/// <para>The monitor applies the fault rules to the most recent rows of its window
/// (<see cref="Monitoring.DriftMonitorOptions.IntegrityRows"/>), so that a broken pipeline shows within a few hundred
/// rows instead of once it fills half the window; the counts it reports cover the whole window.</para>
/// <para>Missing, out-of-range and unseen-category faults: the window share p̂ of affected values exceeds the reference
/// share p₀ by at least <c>max(faultShare, 4·√(p₀(1−p₀)/n))</c> (a floor, and four binomial standard errors so that
/// a reference with missing values does not alarm on noise). The reference has no out-of-range values and no unseen
/// categories by construction (p₀ = 0), so there the floor alone decides. A feature needs 50 window rows.</para>
/// <para>Swapped columns: for numeric features i, j let D(i→j) be the binned Kolmogorov-Smirnov distance between the
/// window's values of i and the reference of j, at j's bin edges: <c>max_e |F̂_i(e) − F_j(e)|</c>. The pair is swapped when
/// both own distances D(i→i) and D(j→j) are at least <c>swapMinimumDistance</c> and each cross distance is at most
/// <c>swapRatio</c> times the own distance: each feature matches the other's reference much better than its own. Only
/// features with a large own distance are paired, so the check costs O(window × features × log bins) when nothing is
/// wrong.</para>
/// </remarks>
internal static class IntegrityChecker
{
    private const int MinimumRows = 50;

    /// <summary>Counts missing, out-of-range and unseen values per feature: <c>[missing, outOfRange, unseen]</c>.</summary>
    public static int[][] Count(ReferenceProfile profile, Dataset window)
    {
        var counts = new int[profile.Features.Count][];
        for (var f = 0; f < counts.Length; f++)
        {
            counts[f] = Count(profile.Features[f], window.Columns[f]);
        }

        return counts;
    }

    public static IReadOnlyList<IntegrityFault> FindFaults(
        ReferenceProfile profile, Dataset window, double faultShare, double swapMinimumDistance, double swapRatio)
    {
        var faults = new List<IntegrityFault>();
        var ownDistance = new double[profile.Features.Count];
        for (var f = 0; f < profile.Features.Count; f++)
        {
            var feature = profile.Features[f];
            var column = window.Columns[f];
            var counts = Count(feature, column);
            var (missing, outOfRange, unseen) = (counts[0], counts[1], counts[2]);
            if (feature.Type == ColumnType.Numerical)
            {
                ownDistance[f] = BinnedKs(column.Numbers!, feature);
            }

            var n = column.Count;
            if (n < MinimumRows)
            {
                continue;
            }

            Excess(faults, IntegrityFaultKind.Missing, feature.Name, missing, n, feature.MissingRate, faultShare, "missing or blank");
            var present = n - missing;
            if (present >= MinimumRows)
            {
                Excess(faults, IntegrityFaultKind.OutOfRange, feature.Name, outOfRange, present, 0, faultShare,
                    string.Create(CultureInfo.InvariantCulture, $"outside the reference range [{feature.Min}, {feature.Max}]"));
                Excess(faults, IntegrityFaultKind.UnseenCategory, feature.Name, unseen, present, 0, faultShare, "categories the reference never had");
            }
        }

        faults.InsertRange(0, FindSwaps(profile, window, ownDistance, swapMinimumDistance, swapRatio));
        return faults;
    }

    private static int[] Count(FeatureProfile feature, DatasetColumn column)
    {
        int missing = 0, outOfRange = 0, unseen = 0;
        if (feature.Type == ColumnType.Numerical)
        {
            foreach (var v in column.Numbers!)
            {
                if (!double.IsFinite(v))
                {
                    missing++;
                }
                else if (feature.IsOutOfRange(v))
                {
                    outOfRange++;
                }
            }
        }
        else
        {
            foreach (var s in column.Strings!)
            {
                if (string.IsNullOrEmpty(s))
                {
                    missing++;
                }
                else if (feature.IndexOfCategory(s) < 0)
                {
                    unseen++;
                }
            }
        }

        return [missing, outOfRange, unseen];
    }

    /// <summary>The binned KS distance between values and a numeric profile, at the profile's edges (NaN ignored; 0 when no value).</summary>
    internal static double BinnedKs(double[] values, FeatureProfile reference)
    {
        var edges = reference.EdgeArray;
        if (edges.Length <= 1)
        {
            return 0;
        }

        Span<int> counts = edges.Length <= 64 ? stackalloc int[edges.Length] : new int[edges.Length];
        counts.Clear();
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                counts[reference.BinOf(v)]++;
                n++;
            }
        }

        if (n == 0)
        {
            return 0;
        }

        double d = 0, cumulative = 0;
        var cdf = reference.CdfArray;
        for (var i = 0; i < edges.Length - 1; i++)
        {
            cumulative += counts[i];
            d = Math.Max(d, Math.Abs((cumulative / n) - cdf[i]));
        }

        return d;
    }

    private static void Excess(
        List<IntegrityFault> faults, IntegrityFaultKind kind, string feature, int affected, int n, double referenceShare, double faultShare, string what)
    {
        if (affected == 0)
        {
            return;
        }

        var share = affected / (double)n;
        var margin = Math.Max(faultShare, 4 * Math.Sqrt(referenceShare * (1 - referenceShare) / n));
        if (share - referenceShare >= margin)
        {
            faults.Add(new IntegrityFault(
                kind,
                [feature],
                share,
                referenceShare,
                string.Create(CultureInfo.InvariantCulture, $"{feature}: {share:P1} of the window {what} (reference {referenceShare:P1})")));
        }
    }

    private static List<IntegrityFault> FindSwaps(ReferenceProfile profile, Dataset window, double[] own, double minimum, double ratio)
    {
        var candidates = new List<int>();
        for (var f = 0; f < own.Length; f++)
        {
            if (profile.Features[f].Type == ColumnType.Numerical && own[f] >= minimum && window.Columns[f].Count >= MinimumRows)
            {
                candidates.Add(f);
            }
        }

        var swaps = new List<IntegrityFault>();
        var used = new HashSet<int>();
        for (var a = 0; a < candidates.Count; a++)
        {
            for (var b = a + 1; b < candidates.Count; b++)
            {
                var i = candidates[a];
                var j = candidates[b];
                if (used.Contains(i) || used.Contains(j))
                {
                    continue;
                }

                var dij = BinnedKs(window.Columns[i].Numbers!, profile.Features[j]);
                var dji = BinnedKs(window.Columns[j].Numbers!, profile.Features[i]);
                if (dij <= ratio * own[i] && dji <= ratio * own[j])
                {
                    used.Add(i);
                    used.Add(j);
                    var fi = profile.Features[i].Name;
                    var fj = profile.Features[j].Name;
                    swaps.Add(new IntegrityFault(
                        IntegrityFaultKind.SwappedColumns,
                        [fi, fj],
                        1 - Math.Max(dij, dji),
                        0,
                        string.Create(CultureInfo.InvariantCulture,
                            $"{fi} and {fj} look swapped: {fi} matches the reference of {fj} (distance {dij:F3}, own {own[i]:F3}) and {fj} that of {fi} (distance {dji:F3}, own {own[j]:F3})")));
                }
            }
        }

        return swaps;
    }
}
