using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Tests;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using Parquet;
using Parquet.Schema;

namespace DriftWatch.Cli.Tests.Serve;

/// <summary><c>driftwatch serve --config</c> with a model whose reference file does not fit its schema: one line on stderr, exit code 2.</summary>
public sealed class ServeReferenceTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-serve-ref-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Serve_CsvReferenceWithTextInNumericColumn_Exit2WithOneLineNamingColumnAndRow()
    {
        var reference = Path.Combine(_dir.FullName, "reference.csv");
        File.WriteAllText(reference, Csv(new CreditRiskGenerator(701).Generate(300), (row, income) => row is 6 or 120 ? "12k" : income));

        var line = await RunRefusedAsync(reference);

        Assert.Equal($"driftwatch: Models 'scorer': reference data: {reference}: column 'income' is a numeric feature but 2 of its 300 values are not numbers (first at row 7: '12k').", line);
    }

    [Fact]
    public async Task Serve_ParquetReferenceMissingAFeature_Exit2WithOneLineNamingIt()
    {
        var reference = Path.Combine(_dir.FullName, "reference.parquet");
        await WriteParquetAsync(reference, new CreditRiskGenerator(702).Generate(300), without: "loan_amount");

        var line = await RunRefusedAsync(reference);

        Assert.Equal($"driftwatch: Models 'scorer': reference data: {reference}: no column 'loan_amount' (a numeric feature of the model).", line);
    }

    [Fact]
    public async Task Serve_ValidParquetReference_ServesWithIt()
    {
        var reference = Path.Combine(_dir.FullName, "reference.parquet");
        await WriteParquetAsync(reference, new CreditRiskGenerator(703).Generate(300), without: null);
        var ct = TestContext.Current.CancellationToken;

        using var serve = ServeProcess.Start(_dir.FullName, new Dictionary<string, string>(), config: WriteConfig(reference));
        await serve.WaitReadyAsync(ct);
        var model = JsonNode.Parse(await serve.Http.GetStringAsync("/v1/models/scorer", ct))!;

        Assert.Equal(300, (int)model["reference_rows"]!);
    }

    [Fact]
    public async Task Serve_LabelColumnWithValuesThatAreNotBinaryLabels_Exit2WithOneLineNamingIt()
    {
        var reference = Path.Combine(_dir.FullName, "reference.csv");
        var csv = Csv(new CreditRiskGenerator(704).Generate(300), (_, income) => income).Replace(",default\n", ",is_fraud\n", StringComparison.Ordinal);
        var lines = csv.Split('\n');
        lines[3] = lines[3][..lines[3].LastIndexOf(',')] + ",yes";
        File.WriteAllText(reference, string.Join('\n', lines));

        var line = await RunRefusedAsync(reference, labelColumn: "is_fraud");

        Assert.Equal($"driftwatch: Models 'scorer': reference data: {reference}: label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 1 of its 300 values do not (first at row 3: 'yes').", line);
    }

    private static string Csv(IReadOnlyList<CreditRiskRow> rows, Func<int, string, string> income)
    {
        var csv = new StringBuilder("age,income,debt_to_income,credit_history_months,num_open_accounts,loan_amount,employment_type,device_type,default\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            csv.Append(CultureInfo.InvariantCulture, $"{r.Age},{income(i, r.Income.ToString("R", CultureInfo.InvariantCulture))},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType},{r.Label}\n");
        }

        return csv.ToString();
    }

    private static async Task WriteParquetAsync(string path, IReadOnlyList<CreditRiskRow> rows, string? without)
    {
        var ct = TestContext.Current.CancellationToken;
        var numeric = CreditRiskSchema.NumericFeatures.Where(f => f != without).ToArray();
        var fields = numeric.Select(n => (DataField)new DataField<double>(n))
            .Append(new DataField<string>("employment_type"))
            .Append(new DataField<string>("device_type"))
            .ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < numeric.Length; i++)
        {
            ReadOnlyMemory<double> values = rows.Select(r => r.GetNumber(numeric[i])).ToArray();
            await group.WriteAsync(fields[i], values, null, null, ct);
        }

        await group.WriteAsync(fields[^2], rows.Select(r => r.EmploymentType).ToArray());
        await group.WriteAsync(fields[^1], rows.Select(r => r.DeviceType).ToArray());
    }

    /// <summary>Runs <c>driftwatch serve</c> on the reference, expecting exit code 2, and returns its one line on stderr.</summary>
    private async Task<string> RunRefusedAsync(string reference, string? labelColumn = null)
    {
        using var serve = ServeProcess.Start(_dir.FullName, new Dictionary<string, string>(), config: WriteConfig(reference, labelColumn));
        var (code, errors) = await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(code != 0, $"driftwatch serve started with a bad reference; its last output:\n{serve.OutputTail}");
        Assert.Equal(2, code);
        return Assert.Single(errors);
    }

    private string WriteConfig(string reference, string? labelColumn = null)
    {
        var model = Path.Combine(_dir.FullName, "model.zip");
        SavedCreditRiskModel.Seed5.Write(model);
        var config = Path.Combine(_dir.FullName, "driftwatch.yaml");
        File.WriteAllText(config, $"""
            models:
              - name: scorer
                path: {model}
                reference: {reference}
            {(labelColumn is null ? string.Empty : $"    label_column: {labelColumn}")}
            """);
        return config;
    }
}
