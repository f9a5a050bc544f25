using DriftWatch.Data;
using DriftWatch.Serving.Generation;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace DriftWatch.Serving.Models;

/// <summary>The default model: a credit-risk binary classifier (ML.NET FastTree) trained at start-up.</summary>
/// <remarks>
/// Pipeline: numeric features with missing values replaced by the training mean, one-hot encoded
/// <c>employment_type</c> and <c>device_type</c>, then a FastTree binary classifier (60 trees, 16 leaves) on a
/// single thread so that the same seed and data give the same model. Label 1 means the applicant defaults.
/// </remarks>
public static class CreditRiskModel
{
    /// <summary>The model name.</summary>
    public const string Name = "credit-risk";

    /// <summary>The model version.</summary>
    public const string Version = "1";

    /// <summary>The default training seed.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The default number of training rows.</summary>
    public const int DefaultRows = 10_000;

    /// <summary>The label column of the training data.</summary>
    public const string LabelColumn = CreditRiskSchema.Label;

    private static IReadOnlyList<string> NumericFeatures => CreditRiskSchema.NumericFeatures;

    private static IReadOnlyList<string> CategoricalFeatures => CreditRiskSchema.CategoricalFeatures;

    /// <summary>Generates reference data with the built-in generator (scenario <c>none</c>) and trains on it.</summary>
    /// <param name="seed">The generator and training seed.</param>
    /// <param name="rows">The number of training rows.</param>
    /// <returns>The trained model; its reference data is the training data, label included.</returns>
    public static ServedModel Create(int seed = DefaultSeed, int rows = DefaultRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 100);
        var generated = new CreditRiskGenerator(seed).Generate(rows);
        return Train(CreditRiskGenerator.ToDataset(generated, includeLabel: true, source: "credit-risk reference"), seed);
    }

    /// <summary>Trains the model on reference data.</summary>
    /// <param name="reference">Columns named as the features plus <see cref="LabelColumn"/> (0/1).</param>
    /// <param name="seed">The training seed.</param>
    /// <returns>The trained model with its reference data.</returns>
    /// <exception cref="ArgumentException">A column is absent or of the wrong kind.</exception>
    public static ServedModel Train(Dataset reference, int seed)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var schema = ModelSchemaInference.FromDataset(reference, [.. NumericFeatures, .. CategoricalFeatures]);
        var numeric = NumericFeatures.Select(n => Numbers(reference, n)).ToArray();
        var categorical = CategoricalFeatures.Select(n => reference.Find(n)?.Strings
            ?? throw new ArgumentException($"{reference.Source}: '{n}' must be a text column.", nameof(reference))).ToArray();
        var label = Numbers(reference, LabelColumn);
        var rows = new CreditRiskTrainingRow[reference.RowCount];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new CreditRiskTrainingRow
            {
                Age = (float)numeric[0][i],
                Income = (float)numeric[1][i],
                DebtToIncome = (float)numeric[2][i],
                CreditHistoryMonths = (float)numeric[3][i],
                NumOpenAccounts = (float)numeric[4][i],
                LoanAmount = (float)numeric[5][i],
                EmploymentType = categorical[0][i] ?? string.Empty,
                DeviceType = categorical[1][i] ?? string.Empty,
                Label = label[i] > 0.5,
            };
        }

        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows);
        var pipeline = context.Transforms.ReplaceMissingValues(
                [.. NumericFeatures.Select(n => new InputOutputColumnPair(n + "_filled", n))],
                MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(context.Transforms.Categorical.OneHotEncoding(
                [.. CategoricalFeatures.Select(n => new InputOutputColumnPair(n + "_onehot", n))]))
            .Append(context.Transforms.Concatenate(
                "Features",
                [.. NumericFeatures.Select(n => n + "_filled"), .. CategoricalFeatures.Select(n => n + "_onehot")]))
            .Append(context.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfTrees = 60,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                NumberOfThreads = 1,
            }));
        var transformer = pipeline.Fit(data);
        var model = new MLNetModel(Name, Version, ModelTask.BinaryClassification, schema, transformer, data.Schema);
        return new ServedModel(model, reference, "built-in");
    }

    private static double[] Numbers(Dataset data, string name) =>
        data.Find(name)?.Numbers ?? throw new ArgumentException($"{data.Source}: '{name}' must be a numeric column.", nameof(data));
}
