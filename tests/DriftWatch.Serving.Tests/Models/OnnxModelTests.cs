using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using Microsoft.ML;

namespace DriftWatch.Serving.Tests.Models;

/// <summary>Both adapters on models the test builds: ML.NET saves a .zip and converts the same model to ONNX.</summary>
public sealed class OnnxModelTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-onnx-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Load_ConvertedFromMLNet_PredictsLikeMLNet()
    {
        var served = CreditRiskModel.Create(seed: 5, rows: 2000);
        var (zip, onnx) = Export(served);
        using var onnxModel = OnnxModel.Load(onnx);
        var zipModel = MLNetModel.Load(zip, "credit-risk-zip", "3", ModelTask.BinaryClassification, served.Model.Schema);
        var rows = new CreditRiskGenerator(seed: 11).Generate(300);
        var batch = CreditRiskRow.ToBatch(served.Model.Schema, rows);
        var expected = new ModelOutput[rows.Count];
        var fromOnnx = new ModelOutput[rows.Count];
        var fromZip = new ModelOutput[rows.Count];

        served.Model.Predict(batch, expected);
        onnxModel.Predict(batch, fromOnnx);
        zipModel.Predict(batch, fromZip);

        Assert.Equal("credit-risk-onnx", onnxModel.Name);
        Assert.Equal("2", onnxModel.Version);
        Assert.Equal(expected, fromZip);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Score, fromOnnx[i].Score, 4);
            Assert.Equal(expected[i].Label, fromOnnx[i].Label);
        }
    }

    [Fact]
    public void Load_NoSchemaFile_ThrowsNamingIt()
    {
        var path = Path.Combine(_dir.FullName, "lonely.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);

        var ex = Assert.Throws<FileNotFoundException>(() => OnnxModel.Load(path));

        Assert.Contains("lonely.schema.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAnOnnxFile_InvalidData()
    {
        var path = Path.Combine(_dir.FullName, "junk.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);
        new ModelSchemaFile("junk", "1", ModelTask.Regression, new ModelSchema([FeatureSchema.Numeric("x")]), null, null)
            .Write(ModelSchemaFile.PathFor(path));

        Assert.Throws<InvalidDataException>(() => OnnxModel.Load(path));
    }

    private (string Zip, string Onnx) Export(ServedModel served)
    {
        var context = new MLContext(seed: 1);
        var model = (MLNetModel)served.Model;
        var zip = Path.Combine(_dir.FullName, "model.zip");
        var onnx = Path.Combine(_dir.FullName, "model.onnx");
        var (transformer, inputSchema) = model.Export();
        context.Model.Save(transformer, inputSchema, zip);
        var sample = context.Data.LoadFromEnumerable(
            [new ExportRow { EmploymentType = "salaried", DeviceType = "mobile" }]);
        using (var stream = File.Create(onnx))
        {
            context.Model.ConvertToOnnx(transformer, sample, stream);
        }

        new ModelSchemaFile("credit-risk-onnx", "2", ModelTask.BinaryClassification, served.Model.Schema, null, null)
            .Write(ModelSchemaFile.PathFor(onnx));
        return (zip, onnx);
    }

    private sealed class ExportRow
    {
        [Microsoft.ML.Data.ColumnName("age")]
        public float Age { get; set; }

        [Microsoft.ML.Data.ColumnName("income")]
        public float Income { get; set; }

        [Microsoft.ML.Data.ColumnName("debt_to_income")]
        public float DebtToIncome { get; set; }

        [Microsoft.ML.Data.ColumnName("credit_history_months")]
        public float CreditHistoryMonths { get; set; }

        [Microsoft.ML.Data.ColumnName("num_open_accounts")]
        public float NumOpenAccounts { get; set; }

        [Microsoft.ML.Data.ColumnName("loan_amount")]
        public float LoanAmount { get; set; }

        [Microsoft.ML.Data.ColumnName("employment_type")]
        public string EmploymentType { get; set; } = string.Empty;

        [Microsoft.ML.Data.ColumnName("device_type")]
        public string DeviceType { get; set; } = string.Empty;
    }
}
