using System.Runtime.Intrinsics;

namespace DriftWatch.Statistics;

/// <summary>
/// One side (reference or current) of one column, cleaned for a drift method: numerical values are finite
/// (NaN and ±Inf removed), categorical values are non-null strings or, for a categorical column whose labels are
/// numbers (e.g. an integer code with few distinct values), finite numbers.
/// </summary>
/// <remarks>
/// The sorted copy of numerical values is computed once and cached, so that several methods run on the same
/// column (and a reference reused across evaluations) sort only once.
/// <threadsafety>Immutable after construction except for the sorted cache, which is filled idempotently and is
/// safe to read from several threads.</threadsafety>
/// </remarks>
public sealed class ColumnSample
{
    private double[]? _sorted;
    private double[]? _sortStorage;

    private ColumnSample(ColumnType type, double[]? numbers, string[]? categories)
    {
        Type = type;
        Numbers = numbers;
        Categories = categories;
    }

    /// <summary>Gets the column type.</summary>
    public ColumnType Type { get; }

    /// <summary>Gets the finite values of a numerical column, or the labels of a categorical column with numeric labels (in input
    /// order); <see langword="null"/> for a categorical column with string labels.</summary>
    public double[]? Numbers { get; }

    /// <summary>Gets the labels of a categorical column with string labels; <see langword="null"/> otherwise.</summary>
    public string[]? Categories { get; }

    /// <summary>Gets the number of values.</summary>
    public int Count => Numbers?.Length ?? Categories!.Length;

    /// <summary>Creates a numerical sample, dropping NaN and ±Inf.</summary>
    /// <param name="values">The raw values.</param>
    /// <returns>The cleaned sample.</returns>
    public static ColumnSample FromNumbers(ReadOnlySpan<double> values)
    {
        var finite = CountFinite(values);
        if (finite == values.Length)
        {
            // The common case: one block copy into an array that is not zeroed first.
            var copy = GC.AllocateUninitializedArray<double>(values.Length);
            values.CopyTo(copy);
            return new ColumnSample(ColumnType.Numerical, copy, null);
        }

        var result = new double[finite];
        var i = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                result[i++] = v;
            }
        }

        return new ColumnSample(ColumnType.Numerical, result, null);
    }

    /// <summary>Counts the finite values: x − x is 0 for a finite x and NaN for NaN and ±Inf, compared four at a time.</summary>
    private static int CountFinite(ReadOnlySpan<double> values)
    {
        var i = 0;
        var count = 0L;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<long>.Zero;
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<double>.Count));
                var d = v - v;
                acc -= Vector256.Equals(d, d).AsInt64();
            }

            count = Vector256.Sum(acc);
        }

        for (; i < values.Length; i++)
        {
            count += double.IsFinite(values[i]) ? 1 : 0;
        }

        return (int)count;
    }

    /// <summary>
    /// Creates a numerical sample over <paramref name="values"/> itself when every value is finite (no copy), else a
    /// cleaned copy as <see cref="FromNumbers"/> makes.
    /// </summary>
    /// <remarks>The caller must not change <paramref name="values"/> while the sample is in use: a 1 000 000-row column
    /// is 8 MB that the analyzer then does not duplicate per side.</remarks>
    /// <param name="values">The raw values.</param>
    /// <returns>The cleaned sample.</returns>
    internal static ColumnSample FromNumbersShared(double[] values) =>
        CountFinite(values) == values.Length ? new ColumnSample(ColumnType.Numerical, values, null) : FromNumbers(values);

    /// <summary>
    /// Creates a categorical sample with numeric labels over <paramref name="values"/> itself when every value is finite
    /// (no copy), else a cleaned copy as <see cref="FromNumericCategories"/> makes.
    /// </summary>
    /// <remarks>The caller must not change <paramref name="values"/> while the sample is in use.</remarks>
    /// <param name="values">The raw values.</param>
    /// <returns>The cleaned sample.</returns>
    internal static ColumnSample FromNumericCategoriesShared(double[] values) =>
        new(ColumnType.Categorical, FromNumbersShared(values).Numbers, null);

    /// <summary>Creates a categorical sample whose labels are numbers (each distinct value is a category), dropping NaN and ±Inf.</summary>
    /// <param name="values">The raw values.</param>
    /// <returns>The cleaned sample, of type <see cref="ColumnType.Categorical"/> with <see cref="Numbers"/> set.</returns>
    public static ColumnSample FromNumericCategories(ReadOnlySpan<double> values) =>
        new(ColumnType.Categorical, FromNumbers(values).Numbers, null);

    /// <summary>Creates a categorical sample, dropping missing (null) labels.</summary>
    /// <param name="values">The raw labels; <see langword="null"/> means missing.</param>
    /// <returns>The cleaned sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static ColumnSample FromCategories(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new List<string>(values.Count);
        foreach (var v in values)
        {
            if (v is not null)
            {
                result.Add(v);
            }
        }

        return new ColumnSample(ColumnType.Categorical, null, [.. result]);
    }

    /// <summary>
    /// Creates a categorical sample over <paramref name="values"/> itself when no label is missing (no copy), else a copy
    /// without the missing labels.
    /// </summary>
    /// <remarks>The caller must not change <paramref name="values"/> while the sample is in use: a 1 000 000-row text
    /// column is 8 MB of references that the analyzer then does not duplicate per side.</remarks>
    /// <param name="values">The raw labels; <see langword="null"/> means missing.</param>
    /// <returns>The cleaned sample.</returns>
    internal static ColumnSample FromCategoriesShared(string?[] values)
    {
        var present = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                present++;
            }
        }

        if (present == values.Length)
        {
            return new ColumnSample(ColumnType.Categorical, null, values!);
        }

        var result = new string[present];
        var i = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                result[i++] = v;
            }
        }

        return new ColumnSample(ColumnType.Categorical, null, result);
    }

    /// <summary>
    /// Lends the array that <see cref="GetSorted"/> will sort into instead of allocating one, so that a caller analysing
    /// many columns one after the other reuses a few buffers rather than leaving two large arrays of garbage per column.
    /// </summary>
    /// <remarks>Ignored unless the sample is numerical, not sorted yet, and <paramref name="storage"/> has exactly
    /// <see cref="Count"/> elements. The lender must not touch the array, nor hand it to another sample, while this
    /// sample (or any sorted array it returned) is in use; for the same reason a lent sample must not be shared between
    /// threads that call <see cref="GetSorted"/> concurrently.</remarks>
    /// <param name="storage">The array to sort into.</param>
    /// <returns>Whether the sample will use <paramref name="storage"/>.</returns>
    internal bool LendSortStorage(double[] storage)
    {
        if (Numbers is null || _sorted is not null || storage.Length != Numbers.Length || ReferenceEquals(storage, Numbers))
        {
            return false;
        }

        _sortStorage = storage;
        return true;
    }

    /// <summary>Gets the sorted values when <see cref="GetSorted"/> has already computed them, else <see langword="null"/>.</summary>
    internal double[]? SortedIfComputed => Volatile.Read(ref _sorted);

    /// <summary>Gets the numerical values sorted ascending (computed once, then cached).</summary>
    /// <returns>The sorted values; do not modify.</returns>
    /// <exception cref="InvalidOperationException">The sample has string labels.</exception>
    public double[] GetSorted()
    {
        if (Numbers is null)
        {
            throw new InvalidOperationException("A sample with string labels has no sorted numerical values.");
        }

        if (_sorted is null)
        {
            var copy = _sortStorage ?? GC.AllocateUninitializedArray<double>(Numbers.Length);
            RadixSort.SortInto(Numbers, copy);
            _sorted = copy;
        }

        return _sorted;
    }
}
