using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Statistics;
using DriftWatch.Statistics.Binning;

namespace DriftWatch.Reports.Html;

/// <summary>Computes the <see cref="ColumnDistribution"/> of every column of a report from the two datasets.</summary>
/// <remarks>
/// <para>Numerical columns: finite values only (NaN and ±Inf dropped, as the methods do), counted on
/// <c>clamp(⌈log2 n⌉ + 1, 10, 40)</c> equal-width bins over the combined range, n the combined size. Columns with a
/// CDF-based method also get their ECDFs (both sides sorted once) at up to 256 points plus the exact location of the
/// Kolmogorov–Smirnov maximum. Columns with a binned method (psi, kl_div, jensenshannon) also get the bins the
/// method used: the reference deciles (native profile) or Sturges' equal-width bins over the combined range
/// (Evidently profile, when the reference has more than 20 distinct values).</para>
/// <para>Categorical columns: counts per label, most frequent reference labels first, at most 24 bars (the rest
/// summed as "other").</para>
/// <para>Columns are processed in parallel; the cost is dominated by sorting for CDF-based methods.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class ColumnDistributions
{
    /// <summary>The methods whose picture is a pair of empirical CDFs.</summary>
    public static readonly IReadOnlySet<string> CdfMethods =
        new HashSet<string>(["ks", "cramer_von_mises", "anderson", "wasserstein"], StringComparer.Ordinal);

    /// <summary>The methods that compare proportions over bins.</summary>
    public static readonly IReadOnlySet<string> BinnedMethods =
        new HashSet<string>(["psi", "kl_div", "jensenshannon"], StringComparer.Ordinal);

    private const int MaxCategories = 24;
    private const int CdfPoints = 128;

    /// <summary>Computes the distributions of the columns named in <paramref name="report"/>.</summary>
    /// <param name="reference">The reference data the report was computed from.</param>
    /// <param name="current">The current data.</param>
    /// <param name="report">The report.</param>
    /// <returns>One distribution per reported column present in both datasets, in report order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ColumnDistribution> Compute(Dataset reference, Dataset current, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(report);
        var names = report.Columns.Select(c => c.Column).Distinct(StringComparer.Ordinal).ToArray();
        var result = new ColumnDistribution?[names.Length];
        // One column per core at a time, each borrowing a pair of sort buffers from a shared bag: at most one pair per
        // core, and no large garbage per column (Parallel.For's per-worker state would be rebuilt whenever a worker yields).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var idle = new ConcurrentBag<SortBuffers>();
        Parallel.For(0, names.Length, parallel, i =>
        {
            var entries = report.Columns.Where(c => string.Equals(c.Column, names[i], StringComparison.Ordinal)).ToArray();
            var r = reference.Find(names[i]);
            var c = current.Find(names[i]);
            if (r is null || c is null)
            {
                return;
            }

            var buffers = idle.TryTake(out var free) ? free : new SortBuffers();
            try
            {
                var methods = entries.Select(e => e.Result.Method).ToHashSet(StringComparer.Ordinal);
                result[i] = Compute(names[i], entries[0].Type, r, c, methods, report.Profile, buffers);
            }
            finally
            {
                idle.Add(buffers);
            }
        });
        return [.. result.OfType<ColumnDistribution>()];
    }

    /// <summary>Computes one column's distribution.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">How the column was compared.</param>
    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current column.</param>
    /// <param name="methods">The methods that ran on the column.</param>
    /// <param name="profile">The profile they ran under.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ColumnDistribution Compute(string name, ColumnType type, DatasetColumn reference, DatasetColumn current, IReadOnlySet<string> methods, DriftProfile profile)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(methods);
        return Compute(name, type, reference, current, methods, profile, new SortBuffers());
    }

    private static ColumnDistribution Compute(string name, ColumnType type, DatasetColumn reference, DatasetColumn current, IReadOnlySet<string> methods, DriftProfile profile, SortBuffers buffers)
    {
        if (type == ColumnType.Categorical || reference.Numbers is null || current.Numbers is null)
        {
            return new ColumnDistribution(name, type, null, Categories(reference, current), null, null);
        }

        var r = reference.Numbers;
        var c = current.Numbers;
        var (min, max) = MinMax(r, c);
        if (double.IsInfinity(min))
        {
            return new ColumnDistribution(name, type, null, null, null, null);
        }

        var needCdf = methods.Overlaps(CdfMethods);
        var binned = methods.FirstOrDefault(BinnedMethods.Contains);
        var histogram = Histogram(r, c, min, max);
        if (!needCdf && (binned is null || profile != DriftProfile.Native))
        {
            var bins = binned is null ? null : MethodBins(binned, profile, r, c, [], min, max);
            return new ColumnDistribution(name, type, histogram, null, bins, null);
        }

        // Sorted finite copies in the worker's own buffers. Not rented from ArrayPool.Shared on purpose: the shared pool
        // keeps multi-megabyte arrays per thread and per core after use, which showed as hundreds of MB of resident
        // memory on a million-row report.
        ReadOnlySpan<double> rs = FiniteSorted(r, ref buffers.Reference);
        ReadOnlySpan<double> cs = needCdf ? FiniteSorted(c, ref buffers.Current) : [];
        if (rs.Length == 0 || (needCdf && cs.Length == 0))
        {
            return new ColumnDistribution(name, type, histogram, null, null, null);
        }

        var methodBins = binned is null ? null : MethodBins(binned, profile, r, c, rs, min, max);
        var cdf = needCdf ? Cdf(rs, cs) : null;
        return new ColumnDistribution(name, type, histogram, null, methodBins, cdf);
    }

    private static Span<double> FiniteSorted(double[] values, ref double[] buffer)
    {
        var count = Finite(values);
        if (buffer.Length < count)
        {
            buffer = new double[count];
        }

        var finite = buffer.AsSpan(0, count);
        if (count == values.Length)
        {
            // The statistics engine's radix sort, straight from the column into the buffer: no copy first, and no scratch of
            // the column's size (an in-place sort needs one).
            RadixSort.SortInto(values, finite);
            return finite;
        }

        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite[n++] = v;
            }
        }

        RadixSort.Sort(finite);
        return finite;
    }

    private static NumericHistogram Histogram(double[] r, double[] c, double min, double max)
    {
        var n = (long)r.Length + c.Length;
        var bins = Math.Clamp((int)Math.Ceiling(Math.Log2(n)) + 1, 10, 40);
        var edges = EqualWidthEdges(min, max, bins);
        return new NumericHistogram(edges, CountEqualWidth(r, edges), CountEqualWidth(c, edges));
    }

    private static (double Min, double Max) MinMax(double[] r, double[] c)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var values in (double[][])[r, c])
        {
            foreach (var v in values)
            {
                if (double.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        return (min, max);
    }

    /// <summary>Equal-width edges as <c>numpy.linspace(min, max, bins + 1)</c>; a constant sample gets
    /// <c>[v − 0.5, v + 0.5]</c> as numpy does.</summary>
    internal static double[] EqualWidthEdges(double min, double max, int bins)
    {
        if (min == max)
        {
            min -= 0.5;
            max += 0.5;
        }

        var edges = new double[bins + 1];
        var step = (max - min) / bins;
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = min + (i * step);
        }

        edges[bins] = max;
        return edges;
    }

    /// <summary>Counts values into <c>[e_i, e_{i+1})</c> bins, the last closed (numpy.histogram); values outside are ignored.</summary>
    internal static long[] CountEqualWidth(double[] values, double[] edges)
    {
        var bins = edges.Length - 1;
        var counts = new long[bins];
        var min = edges[0];
        var max = edges[^1];
        var scale = bins / (max - min);
        foreach (var v in values)
        {
            if (!(v >= min && v <= max))
            {
                continue; // NaN, ±Inf and values outside the edges
            }

            var k = Math.Min((int)((v - min) * scale), bins - 1);

            // Floating-point division can land one bin off next to an edge; the edges decide.
            while (k > 0 && v < edges[k])
            {
                k--;
            }

            while (k < bins - 1 && v >= edges[k + 1])
            {
                k++;
            }

            counts[k]++;
        }

        return counts;
    }

    private static BinnedCounts? MethodBins(string method, DriftProfile profile, double[] r, double[] c, ReadOnlySpan<double> sortedReference, double min, double max)
    {
        if (profile == DriftProfile.Native)
        {
            var edges = Deciles(sortedReference);
            var rc = new long[edges.Length + 1];
            var cc = new long[edges.Length + 1];
            CountRightClosed(sortedReference, edges, rc);
            CountRightClosed(c, edges, cc);
            return new BinnedCounts($"{method} bins: reference deciles", IntervalLabels(edges), rc, cc);
        }

        if (!MoreDistinctThan(r, 20))
        {
            return null;
        }

        // The same Sturges bins as the Evidently profile's binned methods (numpy.histogram_bin_edges "sturges").
        var e = EqualWidthBins.Sturges(min, max, (long)Finite(r) + Finite(c)).Edges.ToArray();
        var sturges = e.Length - 1;
        var labels = new string[sturges];
        for (var i = 0; i < sturges; i++)
        {
            labels[i] = string.Create(CultureInfo.InvariantCulture, $"[{Num(e[i])}, {Num(e[i + 1])}{(i == sturges - 1 ? "]" : ")")}");
        }

        return new BinnedCounts($"{method} bins: Sturges over the combined range", labels, CountEqualWidth(r, e), CountEqualWidth(c, e));
    }

    /// <summary>The inner edges <c>numpy.quantile(reference, i / 10)</c>, i = 1..9 (linear interpolation), duplicates
    /// removed: the native profile's bins, from the same <see cref="QuantileBins"/> the binned methods use.</summary>
    internal static double[] Deciles(ReadOnlySpan<double> sorted)
    {
        var upper = QuantileBins.FromSorted(sorted).UpperEdges;
        return [.. upper.Take(upper.Count - 1)];
    }

    /// <summary>Counts finite values into right-closed bins <c>(e_{k-1}, e_k]</c> with open tails.</summary>
    private static void CountRightClosed(ReadOnlySpan<double> values, double[] edges, long[] counts)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                continue;
            }

            // At most nine edges: a linear scan beats a binary search here.
            var k = 0;
            while (k < edges.Length && v > edges[k])
            {
                k++;
            }

            counts[k]++;
        }
    }

    private static int Finite(double[] values)
    {
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                n++;
            }
        }

        return n;
    }

    private static bool MoreDistinctThan(double[] values, int limit)
    {
        var seen = new HashSet<double>();
        foreach (var v in values)
        {
            if (double.IsFinite(v) && seen.Add(v) && seen.Count > limit)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] IntervalLabels(double[] edges)
    {
        var labels = new string[edges.Length + 1];
        labels[0] = "≤ " + Num(edges[0]);
        for (var i = 1; i < edges.Length; i++)
        {
            labels[i] = $"({Num(edges[i - 1])}, {Num(edges[i])}]";
        }

        labels[^1] = "> " + Num(edges[^1]);
        return labels;
    }

    /// <summary>Short labels: whole numbers from 1000 up (no exponent), four significant digits below.</summary>
    private static string Num(double v) =>
        Math.Abs(v) is >= 1000 and < 1e9 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("G4", CultureInfo.InvariantCulture);

    private static EmpiricalCdfs Cdf(ReadOnlySpan<double> r, ReadOnlySpan<double> c)
    {
        // One merge pass over both sorted samples: D is evaluated after all ties of a value are consumed.
        double best = -1, at = r[0], refAt = 0, curAt = 0;
        int i = 0, j = 0;
        while (i < r.Length || j < c.Length)
        {
            var x = j >= c.Length || (i < r.Length && r[i] <= c[j]) ? r[i] : c[j];
            while (i < r.Length && r[i] == x)
            {
                i++;
            }

            while (j < c.Length && c[j] == x)
            {
                j++;
            }

            var fr = (double)i / r.Length;
            var fc = (double)j / c.Length;
            var d = Math.Abs(fr - fc);
            if (d > best)
            {
                (best, at, refAt, curAt) = (d, x, fr, fc);
            }
        }

        var points = new SortedSet<double> { at };
        for (var k = 0; k < CdfPoints; k++)
        {
            points.Add(r[(int)((long)k * (r.Length - 1) / (CdfPoints - 1))]);
            points.Add(c[(int)((long)k * (c.Length - 1) / (CdfPoints - 1))]);
        }

        var xs = points.ToArray();
        var fR = new double[xs.Length];
        var fC = new double[xs.Length];
        for (var k = 0; k < xs.Length; k++)
        {
            fR[k] = (double)SortedSearch.UpperBound(r, xs[k]) / r.Length;
            fC[k] = (double)SortedSearch.UpperBound(c, xs[k]) / c.Length;
        }

        return new EmpiricalCdfs(xs, fR, fC, at, best, refAt, curAt);
    }

    /// <summary>Counts labels per side without materialising them: strings as they are, numbers by value (formatted
    /// once per distinct value, round-trip).</summary>
    private static BinnedCounts Categories(DatasetColumn reference, DatasetColumn current)
    {
        var counts = new Dictionary<string, (long Ref, long Cur)>(StringComparer.Ordinal);
        if (reference.Strings is not null && current.Strings is not null)
        {
            CountStrings(reference.Strings, counts, 0);
            CountStrings(current.Strings, counts, 1);
        }
        else
        {
            var numbers = new Dictionary<double, (long Ref, long Cur)>();
            CountNumbers(reference, numbers, 0);
            CountNumbers(current, numbers, 1);
            foreach (var (value, n) in numbers)
            {
                var label = value.ToString("R", CultureInfo.InvariantCulture);
                counts[label] = counts.TryGetValue(label, out var m) ? (m.Ref + n.Ref, m.Cur + n.Cur) : n;
            }

            if (reference.Strings is not null || current.Strings is not null)
            {
                CountStrings(reference.Strings ?? [], counts, 0);
                CountStrings(current.Strings ?? [], counts, 1);
            }
        }

        var ordered = counts.OrderByDescending(kv => kv.Value.Ref).ThenByDescending(kv => kv.Value.Cur)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (ordered.Count > MaxCategories)
        {
            var rest = ordered.Skip(MaxCategories - 1).ToList();
            ordered = ordered.Take(MaxCategories - 1).ToList();
            var label = string.Create(CultureInfo.InvariantCulture, $"other ({rest.Count} categories)");
            ordered.Add(new(label, (rest.Sum(kv => kv.Value.Ref), rest.Sum(kv => kv.Value.Cur))));
        }

        return new BinnedCounts(
            "Categories",
            [.. ordered.Select(kv => kv.Key)],
            [.. ordered.Select(kv => kv.Value.Ref)],
            [.. ordered.Select(kv => kv.Value.Cur)]);
    }

    private static void CountStrings(string?[] values, Dictionary<string, (long Ref, long Cur)> counts, int side)
    {
        foreach (var v in values)
        {
            if (v is null)
            {
                continue;
            }

            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, v, out _);
            n = side == 0 ? (n.Ref + 1, n.Cur) : (n.Ref, n.Cur + 1);
        }
    }

    private static void CountNumbers(DatasetColumn column, Dictionary<double, (long Ref, long Cur)> counts, int side)
    {
        if (column.Numbers is null)
        {
            return;
        }

        foreach (var raw in column.Numbers)
        {
            if (!double.IsFinite(raw))
            {
                continue;
            }

            var v = raw == 0 ? 0.0 : raw; // -0 and +0 are one category
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, v, out _);
            n = side == 0 ? (n.Ref + 1, n.Cur) : (n.Ref, n.Cur + 1);
        }
    }

    /// <summary>A worker's reusable buffers for sorted copies of the two sides.</summary>
    private sealed class SortBuffers
    {
        public double[] Reference = [];

        public double[] Current = [];
    }
}
