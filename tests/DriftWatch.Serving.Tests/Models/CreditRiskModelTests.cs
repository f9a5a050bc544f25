using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Tests.Models;

public sealed class CreditRiskModelTests
{
    private static readonly Lazy<ServedModel> Trained = new(() => CreditRiskModel.Create());

    [Fact]
    public void Create_Default_HasContractSchema()
    {
        var model = Trained.Value.Model;

        Assert.Equal("credit-risk", model.Name);
        Assert.Equal(ModelTask.BinaryClassification, model.Task);
        Assert.Equal(CreditRiskSchema.Features, model.Schema.Features.Select(f => f.Name));
        Assert.Equal(CreditRiskSchema.EmploymentTypes.Order(), model.Schema.Features[6].Categories.Order());
        Assert.Equal(CreditRiskSchema.DeviceTypes.Order(), model.Schema.Features[7].Categories.Order());
        Assert.True(model.Schema.Features[0].HasRange);
        Assert.Equal(CreditRiskModel.DefaultRows, Trained.Value.Reference!.RowCount);
    }

    [Fact]
    public void Predict_HoldOutFromGenerator_BeatsMajorityClassAndRanksWell()
    {
        var rows = new CreditRiskGenerator(seed: 7).Generate(4000);
        var batch = CreditRiskRow.ToBatch(Trained.Value.Model.Schema, rows);
        var outputs = new ModelOutput[rows.Count];

        Trained.Value.Model.Predict(batch, outputs);

        var accuracy = rows.Select((r, i) => outputs[i].Label == r.Label ? 1.0 : 0.0).Average();
        var majority = Math.Max(rows.Average(r => r.Label), 1 - rows.Average(r => r.Label));
        Assert.True(accuracy > majority + 0.02, $"accuracy {accuracy} vs majority {majority}");
        Assert.All(outputs, o => Assert.InRange(o.Score, 0, 1));
    }

    [Fact]
    public void Create_SameSeedTwice_SamePredictions()
    {
        var other = CreditRiskModel.Create(CreditRiskModel.DefaultSeed, 2000);
        var again = CreditRiskModel.Create(CreditRiskModel.DefaultSeed, 2000);
        var rows = new CreditRiskGenerator(seed: 3).Generate(200);
        var a = new ModelOutput[rows.Count];
        var b = new ModelOutput[rows.Count];

        other.Model.Predict(CreditRiskRow.ToBatch(other.Model.Schema, rows), a);
        again.Model.Predict(CreditRiskRow.ToBatch(again.Model.Schema, rows), b);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Predict_MissingAndUnseenValues_StillAnswers()
    {
        var schema = Trained.Value.Model.Schema;
        var batch = new FeatureBatch(schema, 1);
        batch.SetString(0, 6, "astronaut");
        var outputs = new ModelOutput[1];

        Trained.Value.Model.Predict(batch, outputs);

        Assert.Equal(FeatureBatch.UnseenCode, batch.GetCode(0, 6));
        Assert.Equal(FeatureBatch.MissingCode, batch.GetCode(0, 7));
        Assert.InRange(outputs[0].Score, 0, 1);
    }
}
