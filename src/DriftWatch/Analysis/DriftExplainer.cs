using System.Globalization;
using DriftWatch.Data;

namespace DriftWatch.Analysis;

/// <summary>Says in one line what changed in a feature between the reference and the current data.</summary>
/// <remarks>
/// <para>
/// Numerical: <c>"income: median 52.3k → 71k, 3 of 10 reference deciles now hold 61% of rows"</c>. The medians use
/// linear interpolation (NumPy's default). The reference deciles (edges at its 10th … 90th percentiles, duplicates
/// merged, so discrete data may have fewer bins) split the current rows; the bins whose current share exceeds their
/// reference share are counted, with their combined current share: the bins that gained rows. That share minus the same
/// bins' reference share is the total variation distance between the two binned distributions.
/// </para>
/// <para>
/// Categorical: <c>"employment_type: 'unemployed' 4% → 19%, 'salaried' 61% → 47%, 1 new category"</c>: the two labels whose
/// share moved most, and labels never seen in the reference. Either kind appends <c>", missing 0% → 12%"</c> when the
/// missing share moved by at least one percentage point. Numbers are compact (k, M, B; three significant digits), all
/// formatted with the invariant culture.
/// </para>
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class DriftExplainer
{
    /// <summary>Explains the change of one column.</summary>
    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current column (same name and kind).</param>
    /// <returns>The one-line explanation, starting with the column name.</returns>
    /// <exception cref="DriftAnalysisException">The kinds differ (text against numbers).</exception>
    public static string Explain(DatasetColumn reference, DatasetColumn current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if ((reference.Strings is null) != (current.Strings is null))
        {
            throw new DriftAnalysisException($"column '{reference.Name}' is {(reference.Strings is null ? "numerical" : "categorical")} in the reference but not in the current data.");
        }

        var text = reference.Strings is null
            ? ExplainNumerical(reference.Name, reference.Numbers!, current.Numbers!)
            : ExplainCategorical(reference.Name, reference.Strings, current.Strings!);
        var missingBefore = MissingShare(reference);
        var missingNow = MissingShare(current);
        return Math.Abs(missingNow - missingBefore) >= 0.01
            ? $"{text}, missing {Percent(missingBefore)} → {Percent(missingNow)}"
            : text;
    }

    /// <summary>Explains every column the two datasets share.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="current">The current data.</param>
    /// <returns>The explanation by column name.</returns>
    /// <exception cref="DriftAnalysisException">A shared column's kind differs.</exception>
    public static IReadOnlyDictionary<string, string> ExplainAll(Dataset reference, Dataset current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in reference.Columns)
        {
            if (current.Find(column.Name) is { } other)
            {
                result[column.Name] = Explain(column, other);
            }
        }

        return result;
    }

    /// <summary>Formats a number compactly: 52300 → "52.3k", 1.25e6 → "1.25M", 0.1234 → "0.123".</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text (invariant culture).</returns>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude switch
        {
            >= 1e9 => (value / 1e9, "B"),
            >= 1e6 => (value / 1e6, "M"),
            >= 1e3 => (value / 1e3, "k"),
            _ => (value, string.Empty),
        };
        return scaled.ToString("G3", CultureInfo.InvariantCulture) + suffix;
    }

    private static string ExplainNumerical(string name, double[] reference, double[] current)
    {
        var refSorted = Finite(reference);
        var curSorted = Finite(current);
        if (refSorted.Length == 0 || curSorted.Length == 0)
        {
            return $"{name}: no finite values in the {(refSorted.Length == 0 ? "reference" : "current data")}";
        }

        var edges = new List<double>(9);
        for (var q = 1; q <= 9; q++)
        {
            var edge = Quantile(refSorted, q / 10.0);
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        var bins = edges.Count + 1;
        var refShare = Shares(refSorted, edges);
        var curShare = Shares(curSorted, edges);
        int gaining = 0;
        double held = 0;
        for (var b = 0; b < bins; b++)
        {
            if (curShare[b] > refShare[b])
            {
                gaining++;
                held += curShare[b];
            }
        }

        var binWord = bins == 10 ? "deciles" : "quantile bins";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: median {Compact(Quantile(refSorted, 0.5))} → {Compact(Quantile(curSorted, 0.5))}, {gaining} of {bins} reference {binWord} now hold {Percent(held)} of rows");
    }

    private static string ExplainCategorical(string name, string?[] reference, string?[] current)
    {
        var refShares = CategoryShares(reference);
        var curShares = CategoryShares(current);
        var labels = refShares.Keys.Union(curShares.Keys, StringComparer.Ordinal);
        var moves = labels
            .Select(l => (Label: l, Before: refShares.GetValueOrDefault(l), After: curShares.GetValueOrDefault(l)))
            .Where(m => refShares.ContainsKey(m.Label))
            .OrderByDescending(m => Math.Round(Math.Abs(m.After - m.Before), 9)) // rounding keeps equal moves tied despite float noise
            .ThenBy(m => m.Label, StringComparer.Ordinal)
            .Take(2)
            .Select(m => $"'{m.Label}' {Percent(m.Before)} → {Percent(m.After)}");
        var text = $"{name}: {string.Join(", ", moves)}";
        var unseen = curShares.Keys.Count(l => !refShares.ContainsKey(l));
        return unseen switch
        {
            0 => text,
            1 => $"{text}, 1 new category",
            _ => string.Create(CultureInfo.InvariantCulture, $"{text}, {unseen} new categories"),
        };
    }

    private static Dictionary<string, double> CategoryShares(string?[] values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
                total++;
            }
        }

        return counts.ToDictionary(p => p.Key, p => (double)p.Value / total, StringComparer.Ordinal);
    }

    private static double[] Shares(double[] sorted, List<double> edges)
    {
        // Bin b holds (edges[b − 1], edges[b]]: the first bin is (−∞, edges[0]], the last (edges[^1], ∞).
        var shares = new double[edges.Count + 1];
        var b = 0;
        foreach (var v in sorted)
        {
            while (b < edges.Count && v > edges[b])
            {
                b++;
            }

            shares[b]++;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] /= sorted.Length;
        }

        return shares;
    }

    private static double[] Finite(double[] values)
    {
        var result = values.Where(double.IsFinite).ToArray();
        Array.Sort(result);
        return result;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double MissingShare(DatasetColumn column)
    {
        if (column.Count == 0)
        {
            return 0;
        }

        var missing = column.Numbers is { } numbers
            ? numbers.Count(double.IsNaN)
            : column.Strings!.Count(s => s is null);
        return (double)missing / column.Count;
    }

    private static string Percent(double share) =>
        (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
