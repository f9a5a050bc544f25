using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DriftWatch.Data;
using DriftWatch.Statistics;
using DriftWatch.Statistics.Binning;

namespace DriftWatch.Analysis;

/// <summary>Compares two datasets column by column: the one engine behind the CLI report and the live service.</summary>
/// <remarks>
/// <para><b>Columns.</b> Columns present in both datasets are compared, in the reference's order. A column is
/// categorical when it holds text on either side, when it is an integer column whose reference has at most 10 distinct
/// values, or when <see cref="DriftAnalysisOptions.Categorical"/> names it; it is numerical when it holds floats (or
/// integers with more than 10 distinct reference values), or when <see cref="DriftAnalysisOptions.Numerical"/> names it.
/// Each side is cleaned first: NaN, missing and ±Inf values are dropped; an empty side is an error.</para>
/// <para><b>Automatic method</b> (Evidently's rule, both profiles), with <c>n</c> the cleaned reference size and
/// <c>u</c> the number of distinct values of both sides together: numerical with <c>n ≤ 1000</c>: <c>ks</c> when
/// <c>u &gt; 5</c>, else <c>chisquare</c> (<c>z</c> when <c>u ≤ 2</c>); numerical with <c>n &gt; 1000</c>:
/// <c>wasserstein</c> when <c>u &gt; 5</c>, else <c>jensenshannon</c>; categorical: <c>chisquare</c> (<c>z</c> when
/// <c>u ≤ 2</c>) when <c>n ≤ 1000</c>, else <c>jensenshannon</c>. Forced methods
/// (<see cref="DriftAnalysisOptions.Methods"/>) give one result per column and method and must apply to the column's
/// type.</para>
/// <para><b>Dataset drift.</b> A column counts as drifted when any of its results detects drift; the dataset drifts when
/// the drifted share is at least <see cref="DriftAnalysisOptions.DatasetDriftShare"/>.</para>
/// <para><b>Speed.</b> Columns run in parallel. The cleaned (and, once a method asks, sorted) reference sample of each
/// column is cached per <see cref="DatasetColumn"/> instance, so analysing new current data against the same reference
/// object sorts the reference once; datasets are therefore treated as immutable.</para>
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
public static class DriftAnalyzer
{
    /// <summary>Integer columns with at most this many distinct reference values are categorical.</summary>
    public const int IntegerCategoricalLimit = 10;

    private const int SmallReference = 1000;
    private const int FewValues = 5;

    /// <summary>Samples smaller than this are not worth lending a buffer to (their sorted copy is small).</summary>
    private const int RadixSortThreshold = 1 << 16;

    private static readonly ConditionalWeakTable<DatasetColumn, ReferenceSamples> ReferenceCache = [];

    /// <summary>Analyses drift between a reference and a current dataset.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="current">The current data.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DriftAnalysisException">The inputs cannot be compared (the message names the file, column or method).</exception>
    public static DriftReport Analyze(Dataset reference, Dataset current, DriftAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new DriftAnalysisOptions();
        Validate(options);
        var forced = ResolveMethods(options.Methods);
        var columns = CommonColumns(reference, current, options);

        var results = new ColumnDriftResult[columns.Count][];
        var errors = new Exception?[columns.Count];
        // One column per core at a time; the column being analysed borrows a set of sort buffers from a shared bag,
        // so at most one set per core exists (Parallel.For's per-worker state would be rebuilt whenever a worker yields).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var idle = new ConcurrentBag<SortBuffers>();
        Parallel.For(0, columns.Count, parallel, i =>
        {
            var buffers = idle.TryTake(out var free) ? free : new SortBuffers();
            try
            {
                results[i] = AnalyzeColumn(reference, current, columns[i].Reference, columns[i].Current, forced, options, buffers);
            }
#pragma warning disable CA1031 // Rethrown below, first failing column in column order, so the error is deterministic.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors[i] = ex;
            }
            finally
            {
                idle.Add(buffers);
            }
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }

        var flat = new List<ColumnDriftResult>(columns.Count * Math.Max(1, forced.Count));
        var drifted = 0;
        foreach (var perColumn in results)
        {
            flat.AddRange(perColumn);
            if (perColumn.Any(r => r.Result.Detected))
            {
                drifted++;
            }
        }

        var share = drifted / (double)columns.Count;
        var summary = new DatasetDriftSummary(drifted, columns.Count, share, options.DatasetDriftShare, share >= options.DatasetDriftShare);
        return new DriftReport(options.Profile, reference.RowCount, current.RowCount, summary, flat);
    }

    /// <summary>Chooses the method Evidently would choose for a column.</summary>
    /// <param name="type">The column type.</param>
    /// <param name="referenceCount">The number of non-missing reference values.</param>
    /// <param name="distinctValues">The number of distinct values of both sides together (values above 5 may be capped).</param>
    /// <returns>The method name.</returns>
    public static string ChooseMethod(ColumnType type, int referenceCount, int distinctValues)
    {
        if (referenceCount <= SmallReference)
        {
            if (type == ColumnType.Numerical && distinctValues > FewValues)
            {
                return "ks";
            }

            return distinctValues > 2 ? "chisquare" : "z";
        }

        return type == ColumnType.Numerical && distinctValues > FewValues ? "wasserstein" : "jensenshannon";
    }

    private static void Validate(DriftAnalysisOptions options)
    {
        if (options.Threshold is { } t && !(double.IsFinite(t) && t >= 0))
        {
            throw new DriftAnalysisException(string.Create(CultureInfo.InvariantCulture, $"The threshold must be a finite number >= 0, not {t}."));
        }

        if (!(options.DatasetDriftShare is >= 0 and <= 1))
        {
            throw new DriftAnalysisException(string.Create(CultureInfo.InvariantCulture, $"The dataset drift share must be between 0 and 1, not {options.DatasetDriftShare}."));
        }

        foreach (var name in options.Categorical)
        {
            if (options.Numerical.Contains(name))
            {
                throw new DriftAnalysisException($"Column '{name}' is forced to be both categorical and numerical.");
            }
        }
    }

    private static List<IDriftMethod> ResolveMethods(IList<string> names)
    {
        var methods = new List<IDriftMethod>(names.Count);
        foreach (var name in names)
        {
            if (!DriftMethods.TryGet(name, out var method))
            {
                var known = string.Join(", ", DriftMethods.All.Select(m => m.Name));
                throw new DriftAnalysisException($"Unknown method '{name}' (known: {known}).");
            }

            if (!methods.Contains(method))
            {
                methods.Add(method);
            }
        }

        return methods;
    }

    private static List<(DatasetColumn Reference, DatasetColumn Current)> CommonColumns(Dataset reference, Dataset current, DriftAnalysisOptions options)
    {
        var columns = new List<(DatasetColumn, DatasetColumn)>();
        foreach (var r in reference.Columns)
        {
            if (current.Find(r.Name) is { } c)
            {
                columns.Add((r, c));
            }
        }

        if (columns.Count == 0)
        {
            throw new DriftAnalysisException($"{reference.Source} and {current.Source} have no columns in common.");
        }

        IEnumerable<string?> named = [.. options.Categorical, .. options.Numerical, options.Target, options.Prediction];
        foreach (var name in named)
        {
            if (name is null)
            {
                continue;
            }

            if (reference.Find(name) is null)
            {
                throw new DriftAnalysisException($"Column '{name}' is not in {reference.Source}.");
            }

            if (current.Find(name) is null)
            {
                throw new DriftAnalysisException($"Column '{name}' is not in {current.Source}.");
            }
        }

        return columns;
    }

    private static ColumnDriftResult[] AnalyzeColumn(
        Dataset referenceSet, Dataset currentSet, DatasetColumn reference, DatasetColumn current, List<IDriftMethod> forced, DriftAnalysisOptions options, SortBuffers buffers)
    {
        var name = reference.Name;
        var type = ColumnTypeOf(referenceSet, currentSet, reference, current, options);
        var asText = reference.Kind == ValueKind.String || current.Kind == ValueKind.String;
        var refSample = options.CacheReference
            ? ReferenceCache.GetValue(reference, static _ => new ReferenceSamples()).Get(reference, type, asText)
            : BuildSample(reference, type, asText);
        var curSample = BuildSample(current, type, asText);
        if (refSample.Count == 0)
        {
            throw new DriftAnalysisException($"Column '{name}' in {referenceSet.Source} has no values after dropping missing and infinite ones.");
        }

        if (curSample.Count == 0)
        {
            throw new DriftAnalysisException($"Column '{name}' in {currentSet.Source} has no values after dropping missing and infinite ones.");
        }

        var methods = forced;
        if (methods.Count == 0)
        {
            var chosen = ChooseMethod(type, refSample.Count, DistinctUnion(refSample, curSample, FewValues));
            if (!DriftMethods.TryGet(chosen, out var method))
            {
                throw new DriftAnalysisException($"Method '{chosen}', chosen for column '{name}', is not available.");
            }

            methods = [method];
        }
        else
        {
            foreach (var method in methods)
            {
                if (!method.Supports(type))
                {
                    var kind = type == ColumnType.Numerical ? "numerical" : "categorical";
                    throw new DriftAnalysisException($"Method '{method.Name}' does not apply to {kind} column '{name}'.");
                }
            }
        }

        var missing = Missing(current);
        var results = new ColumnDriftResult[methods.Count];

        // Samples that live only for this column sort into the worker's buffers: a one-off report of many large columns
        // then reuses two arrays per worker instead of leaving two sorted copies of garbage per column.
        var lentReference = options.CacheReference ? null : buffers.Lend(refSample);
        var lentCurrent = buffers.Lend(curSample);
        try
        {
            for (var m = 0; m < methods.Count; m++)
            {
                var method = methods[m];
                var threshold = options.Threshold ?? method.DefaultThreshold(options.Profile);
                DriftTestResult result;
                try
                {
                    result = method.Compute(refSample, curSample, options.Profile, threshold);
                }
                catch (DriftMethodException ex)
                {
                    throw new DriftAnalysisException($"Column '{name}', method '{method.Name}': {ex.Message}", ex);
                }

                results[m] = new ColumnDriftResult(name, type, result, missing);
            }
        }
        finally
        {
            buffers.Return(lentReference);
            buffers.Return(lentCurrent);
        }

        return results;
    }

    private static ColumnType ColumnTypeOf(Dataset referenceSet, Dataset currentSet, DatasetColumn reference, DatasetColumn current, DriftAnalysisOptions options)
    {
        if (options.Categorical.Contains(reference.Name))
        {
            return ColumnType.Categorical;
        }

        if (options.Numerical.Contains(reference.Name))
        {
            if (reference.Kind == ValueKind.String || current.Kind == ValueKind.String)
            {
                var source = reference.Kind == ValueKind.String ? referenceSet.Source : currentSet.Source;
                throw new DriftAnalysisException($"Column '{reference.Name}' in {source} holds text, so it cannot be numerical.");
            }

            return ColumnType.Numerical;
        }

        if (reference.Kind == ValueKind.String || current.Kind == ValueKind.String)
        {
            return ColumnType.Categorical;
        }

        if (reference.Kind == ValueKind.Integer && current.Kind == ValueKind.Integer)
        {
            return DistinctFinite(reference.Numbers!, IntegerCategoricalLimit) <= IntegerCategoricalLimit ? ColumnType.Categorical : ColumnType.Numerical;
        }

        return ColumnType.Numerical;
    }

    private static ColumnSample BuildSample(DatasetColumn column, ColumnType type, bool asText)
    {
        if (asText)
        {
            return ColumnSample.FromCategoriesShared(column.Strings ?? FormatNumbers(column.Numbers!));
        }

        return type == ColumnType.Numerical ? ColumnSample.FromNumbersShared(column.Numbers!) : ColumnSample.FromNumericCategoriesShared(column.Numbers!);
    }

    private static string?[] FormatNumbers(double[] numbers)
    {
        // A column that is numeric on one side and text on the other is compared as text.
        var result = new string?[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            result[i] = double.IsNaN(numbers[i]) ? null : numbers[i].ToString("R", CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static int Missing(DatasetColumn column)
    {
        var missing = 0;
        if (column.Numbers is { } numbers)
        {
            foreach (var v in numbers)
            {
                missing += double.IsNaN(v) ? 1 : 0;
            }
        }
        else if (column.Strings is { } strings)
        {
            foreach (var s in strings)
            {
                missing += s is null ? 1 : 0;
            }
        }

        return missing;
    }

    private static int DistinctFinite(double[] values, int limit)
    {
        var seen = new HashSet<double>();
        foreach (var v in values)
        {
            if (double.IsFinite(v) && seen.Add(v == 0 ? 0.0 : v) && seen.Count > limit)
            {
                break;
            }
        }

        return seen.Count;
    }

    private static int DistinctUnion(ColumnSample reference, ColumnSample current, int limit)
    {
        if (reference.Numbers is not null && current.Numbers is not null)
        {
            // A small linear set with early exit: continuous data stops after limit + 1 values, without sorting.
            Span<double> values = stackalloc double[limit + 1];
            var count = 0;
            foreach (var side in (double[][])[reference.Numbers, current.Numbers])
            {
                foreach (var v in side)
                {
                    var known = false;
                    for (var i = 0; i < count && !known; i++)
                    {
                        known = values[i] == v;
                    }

                    if (!known)
                    {
                        values[count++] = v;
                        if (count > limit)
                        {
                            return count;
                        }
                    }
                }
            }

            return count;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in reference.Categories!.Concat(current.Categories!))
        {
            if (seen.Add(s) && seen.Count > limit)
            {
                break;
            }
        }

        return seen.Count;
    }

    /// <summary>A worker's sort buffers, lent to the samples of one column at a time and reused when the next column has
    /// the same length (the usual case: every column of a dataset has one row count, less its missing values).</summary>
    private sealed class SortBuffers
    {
        private const int Kept = 2;
        private readonly List<double[]> _free = new(Kept);

        /// <summary>Lends a buffer of the sample's length to a numerical sample; <see langword="null"/> when the sample does not sort.</summary>
        public double[]? Lend(ColumnSample sample)
        {
            if (sample.Numbers is null || sample.Count < RadixSortThreshold)
            {
                return null;
            }

            var index = _free.FindIndex(b => b.Length == sample.Count);
            double[] buffer;
            if (index >= 0)
            {
                buffer = _free[index];
                _free.RemoveAt(index);
            }
            else
            {
                buffer = GC.AllocateUninitializedArray<double>(sample.Count);
            }

            if (sample.LendSortStorage(buffer))
            {
                return buffer;
            }

            Return(buffer);
            return null;
        }

        /// <summary>Takes a buffer back once its sample is done with it.</summary>
        public void Return(double[]? buffer)
        {
            if (buffer is null)
            {
                return;
            }

            if (_free.Count == Kept)
            {
                _free.RemoveAt(0);
            }

            _free.Add(buffer);
        }
    }

    /// <summary>The cleaned samples of one reference column, per interpretation, built once.</summary>
    private sealed class ReferenceSamples
    {
        private readonly Lock _gate = new();
        private ColumnSample? _numerical;
        private ColumnSample? _numericCategories;
        private ColumnSample? _text;

        public ColumnSample Get(DatasetColumn column, ColumnType type, bool asText)
        {
            lock (_gate)
            {
                if (asText)
                {
                    return _text ??= BuildSample(column, type, asText: true);
                }

                return type == ColumnType.Numerical
                    ? _numerical ??= BuildSample(column, type, asText: false)
                    : _numericCategories ??= BuildSample(column, type, asText: false);
            }
        }
    }
}
