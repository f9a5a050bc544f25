namespace DriftWatch.Statistics.Binning;

/// <summary>
/// The counts of every category of the union of two samples, per side, with the categories in sorted order.
/// </summary>
/// <remarks>
/// Numeric labels (a numerical sample, or a categorical one with numeric labels) are compared by value, so each distinct
/// number is one category (−0 and +0 are one category, as in pandas); they are sorted ascending. String labels are sorted
/// ordinally (UTF-16 code units, which is Python's code-point order outside the surrogate range).
/// Categories only in the current sample have a reference count of zero ("unseen"), categories only in the reference a
/// current count of zero ("vanished").
/// </remarks>
internal sealed class CategoryTable
{
    private CategoryTable(long[] reference, long[] current, double[]? numericKeys, string[]? stringKeys)
    {
        Reference = reference;
        Current = current;
        NumericKeys = numericKeys;
        StringKeys = stringKeys;
    }

    /// <summary>Gets the reference count of each category.</summary>
    public long[] Reference { get; }

    /// <summary>Gets the current count of each category.</summary>
    public long[] Current { get; }

    /// <summary>Gets the sorted numeric categories, or <see langword="null"/> for string labels.</summary>
    public double[]? NumericKeys { get; }

    /// <summary>Gets the sorted string categories, or <see langword="null"/> for numeric labels.</summary>
    public string[]? StringKeys { get; }

    /// <summary>Gets the number of categories in the union.</summary>
    public int Count => Reference.Length;

    /// <summary>Gets the reference size.</summary>
    public long ReferenceTotal { get; private set; }

    /// <summary>Gets the current size.</summary>
    public long CurrentTotal { get; private set; }

    /// <summary>Counts the categories of both samples.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DriftMethodException">One sample has numeric labels and the other string labels.</exception>
    public static CategoryTable Build(ColumnSample reference, ColumnSample current)
    {
        CategoryTable table;
        if (reference.Numbers is not null && current.Numbers is not null)
        {
            table = BuildNumeric(reference.GetSorted(), current.GetSorted());
        }
        else if (reference.Categories is not null && current.Categories is not null)
        {
            table = BuildStrings(reference.Categories, current.Categories);
        }
        else
        {
            throw new DriftMethodException("The reference and current samples have different label kinds (numbers and strings).");
        }

        table.ReferenceTotal = reference.Count;
        table.CurrentTotal = current.Count;
        return table;
    }

    /// <summary>Counts the distinct values of the union of two sorted spans, stopping once more than <paramref name="limit"/> are seen.</summary>
    /// <param name="a">The first sorted span.</param>
    /// <param name="b">The second sorted span.</param>
    /// <param name="limit">The count after which to stop.</param>
    /// <returns>The number of distinct values, or <paramref name="limit"/> + 1 when there are more.</returns>
    public static int CountDistinctUnion(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int limit = int.MaxValue)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < a.Length || j < b.Length)
        {
            var v = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distinct++;
            if (distinct > limit)
            {
                return distinct;
            }

            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }
        }

        return distinct;
    }

    private static CategoryTable BuildNumeric(double[] a, double[] b)
    {
        var distinct = CountDistinctUnion(a, b);
        var keys = new double[distinct];
        var rc = new long[distinct];
        var cc = new long[distinct];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            var v = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            var i0 = i;
            var j0 = j;
            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }

            keys[k] = v;
            rc[k] = i - i0;
            cc[k] = j - j0;
            k++;
        }

        return new CategoryTable(rc, cc, keys, null);
    }

    private static CategoryTable BuildStrings(string[] a, string[] b)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rc = new List<long>();
        var cc = new List<long>();
        foreach (var s in a)
        {
            if (!index.TryGetValue(s, out var k))
            {
                k = index.Count;
                index.Add(s, k);
                rc.Add(0);
                cc.Add(0);
            }

            rc[k]++;
        }

        foreach (var s in b)
        {
            if (!index.TryGetValue(s, out var k))
            {
                k = index.Count;
                index.Add(s, k);
                rc.Add(0);
                cc.Add(0);
            }

            cc[k]++;
        }

        var keys = new string[index.Count];
        var order = new int[index.Count];
        foreach (var (key, k) in index)
        {
            keys[k] = key;
            order[k] = k;
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var sortedRef = new long[keys.Length];
        var sortedCur = new long[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            sortedRef[k] = rc[order[k]];
            sortedCur[k] = cc[order[k]];
        }

        return new CategoryTable(sortedRef, sortedCur, null, keys);
    }
}
