using System.Net;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary><c>POST /v1/models/{model}/reload</c> of an ONNX model (converted from ML.NET models the test trains) and its schema file.</summary>
public sealed class OnnxReloadTests : IDisposable
{
    private const string AdminKey = "onnx-reload-admin-key-0123";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-onnx-reload-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Reload_NewOnnxFileAndSchemaVersion_ServesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_dir.FullName, "risk.onnx");
        Export(CreditRiskModel.Create(seed: 7, rows: 1_500), path, "1");
        using var factory = new DriftWatchFactory
        {
            Configure = o =>
            {
                o.Models.Add(new ModelOptions { Name = "risk-onnx", Path = path });
                o.Security.AdminKeys.Add(AdminKey);
            },
        };
        var client = factory.CreateClient();
        DriftWatchFactory.Authorize(client, AdminKey);
        var before = await ScoreAsync(client, ct);
        Export(CreditRiskModel.Create(seed: 8, rows: 1_500), path, "2");

        var reload = await client.PostAsync("/v1/models/risk-onnx/reload", null, ct);
        var body = JsonNode.Parse(await reload.Content.ReadAsStringAsync(ct))!;

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal("2", (string)body["version"]!);
        Assert.Equal("1", (string)body["previous_version"]!);
        Assert.NotEqual(before, await ScoreAsync(client, ct));
    }

    private static async Task<double> ScoreAsync(HttpClient client, CancellationToken ct)
    {
        var response = await client.PostAsync("/v1/models/risk-onnx/predict", DriftWatchFactory.Json($"{{\"instances\":[{DriftWatchFactory.Instance(age: 29, income: "31000")}]}}"), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (double)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["predictions"]![0]!["score"]!;
    }

    /// <summary>Converts the model to ONNX and writes it with its schema file, each by an atomic rename.</summary>
    private static void Export(ServedModel served, string path, string version)
    {
        var context = new MLContext(seed: 1);
        var (transformer, _) = ((MLNetModel)served.Model).Export();
        var sample = context.Data.LoadFromEnumerable([new ExportRow()]);
        using (var stream = File.Create(path + ".tmp"))
        {
            context.Model.ConvertToOnnx(transformer, sample, stream);
        }

        var schema = ModelSchemaFile.PathFor(path);
        new ModelSchemaFile(string.Empty, version, ModelTask.BinaryClassification, served.Model.Schema, null, null).Write(schema + ".tmp");
        File.Move(schema + ".tmp", schema, overwrite: true);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    // CreditRiskTrainingRow without its Label: every column of the sample becomes an ONNX input.
    private sealed class ExportRow
    {
        [ColumnName("age")]
        public float Age { get; set; }

        [ColumnName("income")]
        public float Income { get; set; }

        [ColumnName("debt_to_income")]
        public float DebtToIncome { get; set; }

        [ColumnName("credit_history_months")]
        public float CreditHistoryMonths { get; set; }

        [ColumnName("num_open_accounts")]
        public float NumOpenAccounts { get; set; }

        [ColumnName("loan_amount")]
        public float LoanAmount { get; set; }

        [ColumnName("employment_type")]
        public string EmploymentType { get; set; } = "salaried";

        [ColumnName("device_type")]
        public string DeviceType { get; set; } = "mobile";
    }
}
