using DriftWatch.Analysis;
using DriftWatch.Data;
using MathNet.Numerics.LinearAlgebra;

namespace DriftWatch.Multivariate;

/// <summary>
/// Multivariate drift by data reconstruction error (NannyML's <c>DataReconstructionDriftCalculator</c>): a change in how
/// features relate to each other shows up even when every feature's own distribution is unchanged.
/// </summary>
/// <remarks>
/// <para>
/// Fit on the reference: impute, frequency-encode and standardise (<see cref="FeatureEncoder"/>), then PCA: the
/// eigen-decomposition of the covariance matrix Σ = ZᵀZ / (n − 1) of the centred data (MathNet.Numerics), keeping the
/// fewest leading components whose cumulative explained-variance share exceeds <see cref="ReconstructionOptions.VarianceToKeep"/>
/// (scikit-learn's <c>PCA(n_components=0.65)</c> rule: k = #{i : cumulative share ≤ 0.65} + 1).
/// </para>
/// <para>
/// Row error: ‖z − ẑ‖₂ with ẑ = μ + V_k V_kᵀ (z − μ), the reconstruction from the k components. A chunk's drift value is
/// the mean row error. Thresholds: mean ± k·σ (population σ) of the chunk means over consecutive reference chunks of
/// <see cref="ReconstructionOptions.ChunkSize"/> rows (a trailing partial chunk is left out). Sampling error: the sample
/// standard deviation of the reference row errors / √rows, as NannyML. Outliers: rows above the reference row errors'
/// <see cref="ReconstructionOptions.OutlierQuantile"/> quantile (linear interpolation, NumPy's default), each listed with
/// the features holding the largest share of its squared error.
/// </para>
/// <threadsafety>Immutable after fitting; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed class DataReconstructionDrift
{
    private readonly FeatureEncoder _encoder;
    private readonly double[] _pcaMean;
    private readonly double[] _components; // row-major p × k
    private readonly ReconstructionOptions _options;

    private DataReconstructionDrift(FeatureEncoder encoder, double[] pcaMean, double[] components, int componentCount, ReconstructionOptions options)
    {
        _encoder = encoder;
        _pcaMean = pcaMean;
        _components = components;
        ComponentCount = componentCount;
        _options = options;
    }

    /// <summary>Gets the feature columns, in order.</summary>
    public IReadOnlyList<string> Columns => _encoder.Columns;

    /// <summary>Gets the number of principal components kept.</summary>
    public int ComponentCount { get; }

    /// <summary>Gets the share of variance the kept components explain.</summary>
    public double ExplainedVariance { get; private set; }

    /// <summary>Gets the lower alert threshold of a chunk's mean error.</summary>
    public double LowerThreshold { get; private set; }

    /// <summary>Gets the upper alert threshold of a chunk's mean error.</summary>
    public double UpperThreshold { get; private set; }

    /// <summary>Gets the row error above which a row is an outlier.</summary>
    public double OutlierThreshold { get; private set; }

    /// <summary>Gets the sample standard deviation of the reference rows' errors.</summary>
    public double ReferenceErrorStandardDeviation { get; private set; }

    /// <summary>Gets the number of reference chunks behind the thresholds.</summary>
    public int ReferenceChunks { get; private set; }

    /// <summary>Fits on reference data.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="columns">The feature columns (text columns are categorical, the others numerical).</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="DriftAnalysisException">A column is missing or holds no values, or the reference holds fewer than
    /// two chunks.</exception>
    /// <exception cref="ArgumentException">No columns are given or an option is out of range.</exception>
    public static DataReconstructionDrift Fit(Dataset reference, IReadOnlyList<string> columns, ReconstructionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= new ReconstructionOptions();
        if (columns.Count == 0)
        {
            throw new ArgumentException("data reconstruction needs at least one column.", nameof(columns));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 2);
        if (!(options.VarianceToKeep > 0 && options.VarianceToKeep <= 1))
        {
            throw new ArgumentException($"VarianceToKeep must be in (0, 1]; got {options.VarianceToKeep}.", nameof(options));
        }

        if (!(options.OutlierQuantile >= 0 && options.OutlierQuantile <= 1))
        {
            throw new ArgumentException($"OutlierQuantile must be in [0, 1]; got {options.OutlierQuantile}.", nameof(options));
        }

        var n = reference.RowCount;
        var chunks = n / options.ChunkSize;
        if (chunks < 2)
        {
            throw new DriftAnalysisException(
                $"{reference.Source}: {n} rows make fewer than two reference chunks of {options.ChunkSize}; lower the chunk size or add rows.");
        }

        var encoder = FeatureEncoder.Fit(reference, columns);
        var p = encoder.Width;
        var z = encoder.Encode(reference);
        var mean = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                mean[j] += z[(i * p) + j];
            }
        }

        for (var j = 0; j < p; j++)
        {
            mean[j] /= n;
        }

        var covariance = Matrix<double>.Build.Dense(p, p);
        var row = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                row[j] = z[(i * p) + j] - mean[j];
            }

            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    covariance[a, b] += row[a] * row[b];
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var v = covariance[a, b] / (n - 1);
                covariance[a, b] = v;
                covariance[b, a] = v;
            }
        }

        var evd = covariance.Evd(Symmetricity.Symmetric);

        // MathNet returns the eigenvalues of a symmetric matrix in ascending order.
        var eigen = evd.EigenValues.Select(c => Math.Max(0.0, c.Real)).ToArray();
        var total = eigen.Sum();
        var k = 0;
        double kept = 0;
        if (total > 0)
        {
            double cumulative = 0;
            for (var r = p - 1; r >= 0; r--)
            {
                cumulative += eigen[r] / total;
                if (cumulative <= options.VarianceToKeep)
                {
                    k++;
                }
            }

            k = Math.Min(k + 1, p);
            for (var r = 0; r < k; r++)
            {
                kept += eigen[p - 1 - r] / total;
            }
        }

        var components = new double[p * k];
        for (var r = 0; r < k; r++)
        {
            for (var j = 0; j < p; j++)
            {
                components[(j * k) + r] = evd.EigenVectors[j, p - 1 - r];
            }
        }

        var model = new DataReconstructionDrift(encoder, mean, components, k, options) { ExplainedVariance = kept };
        var errors = model.Errors(z, n, null);

        var chunkMeans = new double[chunks];
        for (var c = 0; c < chunks; c++)
        {
            chunkMeans[c] = errors.AsSpan(c * options.ChunkSize, options.ChunkSize).ToArray().Average();
        }

        var chunkMean = chunkMeans.Average();
        var chunkStd = Math.Sqrt(chunkMeans.Sum(v => (v - chunkMean) * (v - chunkMean)) / chunks);
        var errorMean = errors.Average();
        model.LowerThreshold = chunkMean - (options.ThresholdStandardDeviations * chunkStd);
        model.UpperThreshold = chunkMean + (options.ThresholdStandardDeviations * chunkStd);
        model.ReferenceErrorStandardDeviation = Math.Sqrt(errors.Sum(v => (v - errorMean) * (v - errorMean)) / (n - 1));
        model.OutlierThreshold = Quantile(errors, options.OutlierQuantile);
        model.ReferenceChunks = chunks;
        return model;
    }

    /// <summary>Computes each row's reconstruction error.</summary>
    /// <param name="data">The data (must hold the fitted columns, of the same kinds).</param>
    /// <returns>One error per row.</returns>
    /// <exception cref="DriftAnalysisException">A column is missing or of the wrong kind.</exception>
    public double[] RowErrors(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Errors(_encoder.Encode(data), data.RowCount, null);
    }

    /// <summary>Evaluates one chunk: mean error against the thresholds, and the outliers.</summary>
    /// <param name="current">The chunk (must hold the fitted columns, of the same kinds, and at least one row).</param>
    /// <returns>The result.</returns>
    /// <exception cref="DriftAnalysisException">A column is missing or of the wrong kind, or the chunk is empty.</exception>
    public ReconstructionDriftResult Evaluate(Dataset current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var n = current.RowCount;
        if (n == 0)
        {
            throw new DriftAnalysisException($"{current.Source}: no rows to evaluate.");
        }

        var p = _encoder.Width;
        var residuals = new double[n * p];
        var errors = Errors(_encoder.Encode(current), n, residuals);
        var meanError = errors.Average();
        var outlierRows = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (errors[i] > OutlierThreshold)
            {
                outlierRows.Add(i);
            }
        }

        var listed = outlierRows
            .OrderByDescending(i => errors[i])
            .ThenBy(i => i)
            .Take(_options.MaxOutliersListed)
            .Select(i => new OutlierRow(i, errors[i], Unusual(residuals.AsSpan(i * p, p), errors[i])))
            .ToArray();

        return new ReconstructionDriftResult(
            n,
            meanError,
            ReferenceErrorStandardDeviation / Math.Sqrt(n),
            LowerThreshold,
            UpperThreshold,
            meanError < LowerThreshold || meanError > UpperThreshold,
            OutlierThreshold,
            outlierRows.Count,
            listed);
    }

    private static double Quantile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private FeatureContribution[] Unusual(ReadOnlySpan<double> residual, double error)
    {
        var squared = error * error;
        var contributions = new FeatureContribution[residual.Length];
        for (var j = 0; j < residual.Length; j++)
        {
            var r = residual[j];
            contributions[j] = new FeatureContribution(_encoder.Columns[j], r, squared > 0 ? r * r / squared : 0);
        }

        return [.. contributions.OrderByDescending(c => c.Share).ThenBy(c => c.Feature, StringComparer.Ordinal).Take(_options.UnusualFeatures)];
    }

    private double[] Errors(double[] z, int n, double[]? residuals)
    {
        var p = _encoder.Width;
        var k = ComponentCount;
        var errors = new double[n];
        var d = new double[p];
        var t = new double[k];
        for (var i = 0; i < n; i++)
        {
            var offset = i * p;
            for (var j = 0; j < p; j++)
            {
                d[j] = z[offset + j] - _pcaMean[j];
            }

            // t = V_kᵀ d, then r = d − V_k t.
            Array.Clear(t);
            for (var j = 0; j < p; j++)
            {
                var dj = d[j];
                var basis = j * k;
                for (var r = 0; r < k; r++)
                {
                    t[r] += _components[basis + r] * dj;
                }
            }

            double sum = 0;
            for (var j = 0; j < p; j++)
            {
                var basis = j * k;
                var projected = 0.0;
                for (var r = 0; r < k; r++)
                {
                    projected += _components[basis + r] * t[r];
                }

                var residual = d[j] - projected;
                if (residuals is not null)
                {
                    residuals[offset + j] = residual;
                }

                sum += residual * residual;
            }

            errors[i] = Math.Sqrt(sum);
        }

        return errors;
    }
}
