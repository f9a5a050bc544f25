using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Tests.Storage;

/// <summary>A two-feature model that predicts label 1 when age &gt; 40.</summary>
internal sealed class TestModel : IModel
{
    public static readonly ModelSchema Schema = new([FeatureSchema.Numeric("age", 18, 90), FeatureSchema.Categorical("device", ["desktop", "mobile"])]);

    public static readonly TestModel Instance = new();

    public string Name => "m";

    public string Version => "7";

    public ModelTask Task => ModelTask.BinaryClassification;

    ModelSchema IModel.Schema => Schema;

    public void Predict(FeatureBatch batch, Span<ModelOutput> outputs)
    {
        for (var r = 0; r < batch.Count; r++)
        {
            var age = batch.GetNumber(r, 0);
            outputs[r] = new ModelOutput(age > 40 ? 1 : 0, age / 100);
        }
    }
}
