using DriftWatch.Data;
using DriftWatch.Multivariate;
using DriftWatch.Quality;

namespace DriftWatch.Analysis;

/// <summary>
/// The label-free side of monitoring for one model, fitted once on its labelled reference: CBPE (binary classifiers),
/// data reconstruction drift with outliers, and the importance-weighted drift ranking with explanations.
/// </summary>
/// <remarks>
/// Evaluation cost for 50 features and a 5 000-row window is measured by <c>LabelFreeBenchmark</c> (docs/label-free.md).
/// <threadsafety>Immutable after fitting; <see cref="Evaluate"/> is safe to call from several threads.</threadsafety>
/// </remarks>
public sealed class LabelFreeEvaluator
{
    private readonly Dataset _reference;
    private readonly double _decisionThreshold;

    private LabelFreeEvaluator(Dataset reference, CbpeEstimator? cbpe, DataReconstructionDrift reconstruction, IReadOnlyList<FeatureImportance> importances, double decisionThreshold, string? cbpeError)
    {
        _reference = reference;
        Cbpe = cbpe;
        Reconstruction = reconstruction;
        Importances = importances;
        _decisionThreshold = decisionThreshold;
        CbpeError = cbpeError;
    }

    /// <summary>Gets the fitted CBPE estimator, or <see langword="null"/> when it could not be fitted (see <see cref="CbpeError"/>).</summary>
    public CbpeEstimator? Cbpe { get; }

    /// <summary>Gets why CBPE is unavailable, or <see langword="null"/>.</summary>
    public string? CbpeError { get; }

    /// <summary>Gets the fitted reconstruction model.</summary>
    public DataReconstructionDrift Reconstruction { get; }

    /// <summary>Gets the model's feature importances (empty when unknown).</summary>
    public IReadOnlyList<FeatureImportance> Importances { get; }

    /// <summary>Fits on a model's reference data.</summary>
    /// <param name="reference">The reference rows (the features; extra columns are ignored).</param>
    /// <param name="features">The model's features.</param>
    /// <param name="scores">The model's scores on the reference rows (the probability of label 1), or empty when the model
    /// is not a binary classifier.</param>
    /// <param name="labels">The reference labels (0/1), or empty when unknown; CBPE needs both scores and labels.</param>
    /// <param name="importances">The model's permutation importances, or <see langword="null"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>The fitted evaluator.</returns>
    /// <exception cref="DriftAnalysisException">The reconstruction model cannot be fitted (a column is missing or empty, or the
    /// reference is shorter than two chunks).</exception>
    public static LabelFreeEvaluator Fit(
        Dataset reference,
        IReadOnlyList<string> features,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<int> labels,
        IReadOnlyList<FeatureImportance>? importances = null,
        LabelFreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(features);
        options ??= new LabelFreeOptions();
        var reconstruction = DataReconstructionDrift.Fit(reference, features, new ReconstructionOptions { ChunkSize = options.ChunkSize });

        CbpeEstimator? cbpe = null;
        string? error = null;
        if (scores.IsEmpty || labels.IsEmpty)
        {
            error = "CBPE needs a binary classifier's scores and labelled reference rows.";
        }
        else
        {
            try
            {
                var predicted = new int[scores.Length];
                for (var i = 0; i < scores.Length; i++)
                {
                    predicted[i] = scores[i] >= options.DecisionThreshold ? 1 : 0;
                }

                cbpe = CbpeEstimator.Fit(scores, predicted, labels, new CbpeOptions { ChunkSize = options.ChunkSize });
            }
            catch (ArgumentException ex)
            {
                error = "CBPE could not be fitted: " + ex.Message;
            }
        }

        return new LabelFreeEvaluator(reference, cbpe, reconstruction, importances ?? [], options.DecisionThreshold, error);
    }

    /// <summary>Evaluates a window.</summary>
    /// <param name="window">The window's rows (the model's features).</param>
    /// <param name="scores">The model's score per row (NaN when unknown; such rows are left out of CBPE), or empty.</param>
    /// <param name="featureDrift">The per-feature drift report of the same window, for the ranking; <see langword="null"/> for none.</param>
    /// <returns>The snapshot; failures of a part are reported in <see cref="LabelFreeSnapshot.Error"/>, never thrown.</returns>
    public LabelFreeSnapshot Evaluate(Dataset window, ReadOnlySpan<double> scores, DriftReport? featureDrift = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        var errors = new List<string>();
        CbpeEstimate? estimate = null;
        if (Cbpe is not null && !scores.IsEmpty)
        {
            var kept = new List<double>(scores.Length);
            foreach (var s in scores)
            {
                if (s >= 0 && s <= 1)
                {
                    kept.Add(s);
                }
            }

            if (kept.Count > 0)
            {
                var predicted = kept.Select(s => s >= _decisionThreshold ? 1 : 0).ToArray();
                estimate = Cbpe.Estimate(kept.ToArray(), predicted);
            }
        }
        else if (CbpeError is not null)
        {
            errors.Add(CbpeError);
        }

        ReconstructionDriftResult? reconstruction = null;
        if (window.RowCount > 0)
        {
            try
            {
                reconstruction = Reconstruction.Evaluate(window);
            }
            catch (DriftAnalysisException ex)
            {
                errors.Add(ex.Message);
            }
        }

        IReadOnlyList<RankedDrift> ranking = [];
        if (featureDrift is not null)
        {
            try
            {
                var explanations = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in featureDrift.Columns.Select(c => c.Column).Distinct(StringComparer.Ordinal))
                {
                    if (_reference.Find(name) is { } r && window.Find(name) is { } c)
                    {
                        explanations[name] = DriftExplainer.Explain(r, c);
                    }
                }

                ranking = DriftRanking.Rank(featureDrift.Columns, Importances, explanations);
            }
            catch (DriftAnalysisException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return new LabelFreeSnapshot(window.RowCount, estimate, reconstruction, ranking, errors.Count == 0 ? null : string.Join(" ", errors));
    }
}
