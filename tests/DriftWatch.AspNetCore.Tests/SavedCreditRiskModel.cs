using DriftWatch.Serving.Models;
using Microsoft.ML;

namespace DriftWatch.AspNetCore.Tests;

/// <summary>The built-in credit-risk model trained and saved as an ML.NET model file, with the schema it serves.</summary>
/// <remarks>Training is the slow part (about a second per model): <see cref="Seed5"/> trains once per test process.</remarks>
internal sealed class SavedCreditRiskModel
{
    private static readonly Lazy<SavedCreditRiskModel> Trained = new(() => Train(seed: 5));

    private SavedCreditRiskModel(byte[] bytes, ModelSchema schema)
    {
        Bytes = bytes;
        Schema = schema;
    }

    /// <summary>Gets the model trained with seed 5 on 2,000 rows, trained on first use.</summary>
    public static SavedCreditRiskModel Seed5 => Trained.Value;

    /// <summary>Gets the saved model file's bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>Gets the schema of the model's inputs.</summary>
    public ModelSchema Schema { get; }

    /// <summary>Trains the credit-risk model with <paramref name="seed"/> on 2,000 rows and saves it.</summary>
    public static SavedCreditRiskModel Train(int seed)
    {
        var served = CreditRiskModel.Create(seed, rows: 2_000);
        var (transformer, inputSchema) = ((MLNetModel)served.Model).Export();
        using var stream = new MemoryStream();
        new MLContext(seed: 1).Model.Save(transformer, inputSchema, stream);
        return new SavedCreditRiskModel(stream.ToArray(), served.Model.Schema);
    }

    /// <summary>Writes the model to <paramref name="path"/> and, unless <paramref name="schemaFile"/> is false, its
    /// schema file (version 1) beside it.</summary>
    public void Write(string path, bool schemaFile = true)
    {
        File.WriteAllBytes(path, Bytes);
        if (schemaFile)
        {
            new ModelSchemaFile(string.Empty, "1", ModelTask.BinaryClassification, Schema, null, null).Write(ModelSchemaFile.PathFor(path));
        }
    }
}
