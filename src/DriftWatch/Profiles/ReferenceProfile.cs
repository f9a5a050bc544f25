using System.Globalization;
using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Profiles;

/// <summary>
/// A model's reference, summarised once and reused everywhere: a <see cref="FeatureProfile"/> per feature, plus one for
/// the model's predictions on the reference when they are known.
/// </summary>
/// <remarks>
/// The drift tests compare the current window with <see cref="SampleDataset"/>: <c>m = min(SampleSize, RowCount)</c> rows
/// in which each numeric feature holds evenly spaced order statistics of its reference values (and its reference share
/// of missing values as NaN), and each categorical feature its categories in proportion to the reference counts
/// (largest-remainder rounding). When the reference has at most <see cref="SampleSize"/> rows this is the reference itself,
/// up to row order; when larger, every empirical CDF is within 1/m of the reference's.
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed partial class ReferenceProfile
{
    /// <summary>The name of the prediction column in reports.</summary>
    public const string PredictionName = "prediction";

    private readonly Dictionary<string, int> _index;

    internal ReferenceProfile(int rowCount, int binCount, int sampleSize, IReadOnlyList<FeatureProfile> features, FeatureProfile? prediction)
    {
        RowCount = rowCount;
        BinCount = binCount;
        SampleSize = sampleSize;
        Features = features;
        Prediction = prediction;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            _index[features[i].Name] = i;
        }

        SampleDataset = BuildSampleDataset();
        PredictionSample = prediction is null ? null : ColumnSample.FromNumbers(prediction.SampleArray);
    }

    /// <summary>Gets the number of reference rows.</summary>
    public int RowCount { get; }

    /// <summary>Gets the number of quantile bins numeric features were cut into.</summary>
    public int BinCount { get; }

    /// <summary>Gets the largest number of values kept per feature for exact tests.</summary>
    public int SampleSize { get; }

    /// <summary>Gets the feature profiles, in column order.</summary>
    public IReadOnlyList<FeatureProfile> Features { get; }

    /// <summary>Gets the profile of the model's scores on the reference, or <see langword="null"/> when unknown.</summary>
    public FeatureProfile? Prediction { get; }

    /// <summary>Gets the bounded reference sample the drift tests use (see remarks).</summary>
    public Dataset SampleDataset { get; }

    internal ColumnSample? PredictionSample { get; }

    /// <summary>Builds a profile from reference data.</summary>
    /// <param name="reference">The reference data; string columns are categorical, number columns numeric.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <param name="predictions">The model's scores on the reference rows, or empty when unknown.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException">The reference has no rows or no columns, or the options are out of range.</exception>
    public static ReferenceProfile Build(Dataset reference, ReferenceProfileOptions? options = null, ReadOnlySpan<double> predictions = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new ReferenceProfileOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BinCount, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 10, nameof(options));
        if (reference.RowCount == 0)
        {
            throw new ArgumentException($"The reference '{reference.Source}' has no rows.", nameof(reference));
        }

        var features = new List<FeatureProfile>(reference.Columns.Count);
        foreach (var column in reference.Columns)
        {
            if (options.Exclude.Contains(column.Name))
            {
                continue;
            }

            if (column.Strings is not null)
            {
                features.Add(FeatureProfileBuilder.Categorical(column.Name, column.Strings));
            }
            else if (options.Categorical.Contains(column.Name))
            {
                var labels = column.Numbers!.Select(v => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null).ToArray();
                features.Add(FeatureProfileBuilder.Categorical(column.Name, labels));
            }
            else
            {
                features.Add(FeatureProfileBuilder.Numeric(column.Name, column.Numbers, options.BinCount, options.SampleSize));
            }
        }

        if (features.Count == 0)
        {
            throw new ArgumentException($"The reference '{reference.Source}' has no feature columns.", nameof(reference));
        }

        var prediction = predictions.IsEmpty
            ? null
            : FeatureProfileBuilder.Numeric(PredictionName, predictions, options.BinCount, options.SampleSize);
        return new ReferenceProfile(reference.RowCount, options.BinCount, options.SampleSize, features, prediction);
    }

    /// <summary>Finds a feature by name.</summary>
    /// <param name="name">The feature name (ordinal).</param>
    /// <returns>Its index in <see cref="Features"/>, or -1.</returns>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    private Dataset BuildSampleDataset()
    {
        var m = Math.Min(SampleSize, RowCount);
        var columns = new List<DatasetColumn>(Features.Count);
        foreach (var f in Features)
        {
            var present = f.Count + f.Missing == 0 ? 0 : (int)Math.Round(m * (f.Count / (double)(f.Count + f.Missing)));
            if (f.Type == ColumnType.Numerical)
            {
                var values = new double[m];
                values.AsSpan().Fill(double.NaN);
                var sample = f.SampleArray;
                present = Math.Min(present, sample.Length);
                for (var i = 0; i < present; i++)
                {
                    values[i] = sample[present == sample.Length ? i : (int)Math.Floor((i + 0.5) * sample.Length / present)];
                }

                columns.Add(new DatasetColumn(f.Name, ValueKind.Float, values, null));
            }
            else
            {
                columns.Add(new DatasetColumn(f.Name, ValueKind.String, null, ProportionalCategories(f, present, m)));
            }
        }

        return new Dataset("reference", columns);
    }

    private static string?[] ProportionalCategories(FeatureProfile f, int present, int m)
    {
        var result = new string?[m];
        if (f.Count == 0 || present == 0)
        {
            return result;
        }

        // Largest-remainder apportionment of `present` slots to the categories.
        var counts = f.CategoryCountArray;
        var quotas = new long[counts.Length];
        var remainders = new double[counts.Length];
        long assigned = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var exact = present * (counts[i] / (double)f.Count);
            quotas[i] = (long)Math.Floor(exact);
            remainders[i] = exact - quotas[i];
            assigned += quotas[i];
        }

        var order = Enumerable.Range(0, counts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; assigned < present; k++)
        {
            quotas[order[k % order.Length]]++;
            assigned++;
        }

        var at = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            for (var j = 0; j < quotas[i]; j++)
            {
                result[at++] = f.CategoryArray[i];
            }
        }

        return result;
    }
}
