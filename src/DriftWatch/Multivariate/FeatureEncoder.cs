using DriftWatch.Analysis;
using DriftWatch.Data;

namespace DriftWatch.Multivariate;

/// <summary>
/// Turns the columns of a dataset into standardised numbers: impute (numerical: reference mean; categorical: reference
/// most frequent label), encode categoricals by their reference frequency, then standardise with the reference mean and
/// population standard deviation.
/// </summary>
/// <remarks>
/// Matches scikit-learn's <c>SimpleImputer(strategy="mean" | "most_frequent")</c> (ties of the most frequent label go to
/// the ordinally smallest, as scikit-learn's), category_encoders' <c>CountEncoder(normalize=True)</c> fitted on the imputed
/// reference, and <c>StandardScaler</c> (a constant column is only centred). NaN and ±Inf count as missing. A label
/// never seen in the reference encodes to frequency 0.
/// <threadsafety>Immutable after fitting; safe to use from any thread.</threadsafety>
/// </remarks>
internal sealed class FeatureEncoder
{
    private readonly string[] _columns;
    private readonly bool[] _categorical;
    private readonly double[] _impute;
    private readonly string?[] _mode;
    private readonly Dictionary<string, double>?[] _frequency;
    private readonly double[] _mean;
    private readonly double[] _scale;

    private FeatureEncoder(string[] columns, bool[] categorical, double[] impute, string?[] mode, Dictionary<string, double>?[] frequency, double[] mean, double[] scale)
    {
        _columns = columns;
        _categorical = categorical;
        _impute = impute;
        _mode = mode;
        _frequency = frequency;
        _mean = mean;
        _scale = scale;
    }

    public IReadOnlyList<string> Columns => _columns;

    public int Width => _columns.Length;

    public static FeatureEncoder Fit(Dataset reference, IReadOnlyList<string> columns)
    {
        var p = columns.Count;
        var categorical = new bool[p];
        var impute = new double[p];
        var mode = new string?[p];
        var frequency = new Dictionary<string, double>?[p];
        for (var j = 0; j < p; j++)
        {
            var column = reference.Find(columns[j])
                ?? throw new DriftAnalysisException($"{reference.Source}: column '{columns[j]}' not found.");
            if (column.Kind == ValueKind.String)
            {
                categorical[j] = true;
                (mode[j], frequency[j]) = FitCategorical(reference.Source, column);
            }
            else
            {
                impute[j] = FitMean(reference.Source, column);
            }
        }

        var encoder = new FeatureEncoder([.. columns], categorical, impute, mode, frequency, new double[p], new double[p]);
        var n = reference.RowCount;
        var raw = encoder.EncodeRaw(reference);
        for (var j = 0; j < p; j++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += raw[(i * p) + j];
            }

            var mean = sum / n;
            double ss = 0;
            for (var i = 0; i < n; i++)
            {
                var d = raw[(i * p) + j] - mean;
                ss += d * d;
            }

            var variance = ss / n;
            encoder._mean[j] = mean;

            // As scikit-learn's _is_constant_feature: a variance within rounding of 0 marks a constant column, which is
            // centred but not scaled.
            const double Eps = 2.220446049250313e-16;
            var bound = (n * Eps * variance) + Math.Pow(n * mean * Eps, 2);
            encoder._scale[j] = variance <= bound ? 1.0 : Math.Sqrt(variance);
        }

        return encoder;
    }

    /// <summary>Encodes and standardises a dataset into a row-major n × p matrix.</summary>
    public double[] Encode(Dataset data)
    {
        var p = _columns.Length;
        var z = EncodeRaw(data);
        for (var k = 0; k < z.Length; k++)
        {
            var j = k % p;
            z[k] = (z[k] - _mean[j]) / _scale[j];
        }

        return z;
    }

    private static (string Mode, Dictionary<string, double> Frequency) FitCategorical(string source, DatasetColumn column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var s in column.Strings!)
        {
            if (s is null)
            {
                missing++;
            }
            else
            {
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
        }

        if (counts.Count == 0)
        {
            throw new DriftAnalysisException($"{source}: column '{column.Name}' has no values in the reference.");
        }

        string? mode = null;
        var best = -1;
        foreach (var (label, count) in counts)
        {
            if (count > best || (count == best && string.CompareOrdinal(label, mode) < 0))
            {
                mode = label;
                best = count;
            }
        }

        counts[mode!] += missing;
        var total = (double)column.Count;
        var frequency = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (label, count) in counts)
        {
            frequency[label] = count / total;
        }

        return (mode!, frequency);
    }

    private static double FitMean(string source, DatasetColumn column)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in column.Numbers!)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                count++;
            }
        }

        return count == 0
            ? throw new DriftAnalysisException($"{source}: column '{column.Name}' has no finite values in the reference.")
            : sum / count;
    }

    private double[] EncodeRaw(Dataset data)
    {
        var n = data.RowCount;
        var p = _columns.Length;
        var z = new double[n * p];
        for (var j = 0; j < p; j++)
        {
            var column = data.Find(_columns[j])
                ?? throw new DriftAnalysisException($"{data.Source}: column '{_columns[j]}' not found.");
            if (_categorical[j])
            {
                var strings = column.Strings
                    ?? throw new DriftAnalysisException($"{data.Source}: column '{_columns[j]}' must be categorical (text) as in the reference.");
                var frequency = _frequency[j]!;
                for (var i = 0; i < n; i++)
                {
                    z[(i * p) + j] = frequency.GetValueOrDefault(strings[i] ?? _mode[j]!);
                }
            }
            else
            {
                var numbers = column.Numbers
                    ?? throw new DriftAnalysisException($"{data.Source}: column '{_columns[j]}' must be numerical as in the reference.");
                for (var i = 0; i < n; i++)
                {
                    var v = numbers[i];
                    z[(i * p) + j] = double.IsFinite(v) ? v : _impute[j];
                }
            }
        }

        return z;
    }
}
