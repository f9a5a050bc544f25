using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Quality;

namespace DriftWatch.Serving.Models;

/// <summary>Permutation feature importance of a served model (ML.NET, ONNX or any <see cref="IModel"/>) on its labelled reference data.</summary>
/// <remarks>
/// The model is called through <see cref="IModel.Predict"/>, so every model kind is measured the same way; the score is ROC
/// AUC for binary classification and −MAE for regression (higher is better). See <see cref="PermutationImportance"/>.
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class ModelFeatureImportance
{
    /// <summary>Computes the permutation importance of every model feature.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">Labelled reference data holding the model's features.</param>
    /// <param name="labelColumn">The label column (0/1 for classification, the target for regression).</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>One importance per feature, most important first.</returns>
    /// <exception cref="DriftAnalysisException">A feature or the label column is missing or of the wrong kind.</exception>
    public static IReadOnlyList<FeatureImportance> Compute(IModel model, Dataset reference, string labelColumn, PermutationImportanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var label = reference.Find(labelColumn)?.Numbers
            ?? throw new DriftAnalysisException($"{reference.Source}: label column '{labelColumn}' not found or not numeric.");
        var features = model.Schema.Features.Select(f => f.Name).ToArray();
        Func<double[], double> score;
        if (model.Task == ModelTask.BinaryClassification)
        {
            var labels = label.Select(v => v > 0.5 ? 1 : 0).ToArray();
            score = p => ClassificationMetrics.RocAuc(labels, p);
        }
        else
        {
            score = p => -RegressionMetrics.MeanAbsoluteError(label, p);
        }

        return PermutationImportance.Compute(reference, features, data => Predict(model, data), score, options);
    }

    /// <summary>Predicts every row of a dataset and returns the scores.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Rows holding the model's features (text columns for categorical features).</param>
    /// <returns>One score per row (the probability of label 1, or the predicted value).</returns>
    /// <exception cref="DriftAnalysisException">A feature is missing or of the wrong kind.</exception>
    public static double[] Predict(IModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var n = data.RowCount;
        var batch = new FeatureBatch(model.Schema, n);
        for (var j = 0; j < model.Schema.Count; j++)
        {
            var feature = model.Schema.Features[j];
            var column = data.Find(feature.Name) ?? throw new DriftAnalysisException($"{data.Source}: column '{feature.Name}' not found.");
            if (feature.Kind == FeatureKind.Categorical)
            {
                var strings = column.Strings ?? throw new DriftAnalysisException($"{data.Source}: column '{feature.Name}' must be text.");
                for (var i = 0; i < n; i++)
                {
                    batch.SetString(i, j, strings[i]);
                }
            }
            else
            {
                var numbers = column.Numbers ?? throw new DriftAnalysisException($"{data.Source}: column '{feature.Name}' must be numeric.");
                for (var i = 0; i < n; i++)
                {
                    batch.SetNumber(i, j, numbers[i]);
                }
            }
        }

        var outputs = new ModelOutput[n];
        model.Predict(batch, outputs);
        return [.. outputs.Select(o => o.Score)];
    }
}
