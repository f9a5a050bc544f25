using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.Serving.Generation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parquet;
using Parquet.Schema;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary><c>PUT /v1/models/{model}/reference</c> with references that do not fit the model's schema: refused, old reference kept.</summary>
public sealed class ReferenceSchemaTests
{
    private const string Header = "age,income,debt_to_income,credit_history_months,num_open_accounts,loan_amount,employment_type,device_type";

    [Fact]
    public async Task PutReference_TextInNumericCsvColumn_400NamingColumnRowAndOldReferenceKept()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var before = (int)JsonNode.Parse(await service.Client.GetStringAsync("/v1/models/credit-risk"))!["reference_rows"]!;
        var csv = Csv(new CreditRiskGenerator(501).Generate(200), (row, income) => row switch { 16 => "n/a", 49 => "12k", _ => income });

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("income", (string)problem["field"]!);
        Assert.Equal("reference: column 'income' is a numeric feature but 2 of its 200 values are not numbers (first at row 17: 'n/a')", (string)problem["detail"]!);
        Assert.Equal("column 'income' is a numeric feature but 2 of its 200 values are not numbers (first at row 17: 'n/a')", (string)problem["errors"]!["income"]![0]!);

        await service.PredictAsync(new CreditRiskGenerator(502).Generate(600));
        var drift = await service.DriftAsync();
        Assert.Equal(before, (int)drift["reference_rows"]!);
        Assert.Equal(600, (int)drift["window_rows"]!);
        var income = Assert.Single(drift["columns"]!.AsArray(), c => (string)c!["column"]! == "income")!;
        Assert.Equal("numerical", (string)income["type"]!);
    }

    [Fact]
    public async Task PutReference_TextInNumericParquetColumn_400NamingColumnRow()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var rows = new CreditRiskGenerator(503).Generate(100);
        var income = rows.Select((r, i) => i == 9 ? "unknown" : r.Income.ToString("R", CultureInfo.InvariantCulture)).ToArray();

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", Parquet(await ParquetAsync(rows, income)));
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("income", (string)problem["field"]!);
        Assert.Equal("reference: column 'income' is a numeric feature but 1 of its 100 values are not numbers (first at row 10: 'unknown')", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PutReference_ValidParquet_ProfileReplaced()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var rows = new CreditRiskGenerator(504).Generate(300);

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", Parquet(await ParquetAsync(rows, null)));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        Assert.Equal(300, (int)body["reference_rows"]!);
        Assert.Empty(body["ignored_columns"]!.AsArray());
        await service.PredictAsync(new CreditRiskGenerator(511).Generate(600));
        Assert.Equal(300, (int)(await service.DriftAsync())["reference_rows"]!);
    }

    [Fact]
    public async Task PutReference_NumericTextInParquetStringColumn_AcceptedAsNumbers()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var rows = new CreditRiskGenerator(505).Generate(600);
        var income = rows.Select(r => r.Income.ToString("R", CultureInfo.InvariantCulture)).ToArray();

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", Parquet(await ParquetAsync(rows, income)));
        await service.PredictAsync(new CreditRiskGenerator(506).Generate(600));
        var drift = await service.DriftAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("numerical", (string)Assert.Single(drift["columns"]!.AsArray(), c => (string)c!["column"]! == "income")!["type"]!);
    }

    [Fact]
    public async Task PutReference_CsvWithoutAFeatureColumn_400NamingIt()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var csv = Csv(new CreditRiskGenerator(507).Generate(50), (_, income) => income).Replace(",device_type\n", ",device\n", StringComparison.Ordinal);

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("device_type", (string)problem["field"]!);
        Assert.Equal("reference: no column 'device_type' (a categorical feature of the model)", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PutReference_JsonWithoutAFeature_400NamingIt()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var json = DriftService.Body(new CreditRiskGenerator(508).Generate(20));
        var withoutLoan = System.Text.RegularExpressions.Regex.Replace(json, "\"loan_amount\":[^,}]*,?", string.Empty);

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", DriftWatchFactory.Json(withoutLoan));
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("loan_amount", (string)problem["field"]!);
        Assert.Equal("reference: no column 'loan_amount' (a numeric feature of the model)", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PutReference_CsvFeatureColumnAllEmpty_400NamingIt()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var csv = Csv(new CreditRiskGenerator(509).Generate(30), (_, _) => string.Empty);

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("income", (string)problem["field"]!);
        Assert.Equal("reference: column 'income' has no values: all 30 rows are missing", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PutReference_ExtraColumns_AcceptedAndOnlyUnexpectedOnesWarned()
    {
        var logs = new RecordingLoggerProvider();
        using var service = new DriftService(services: s => s.AddSingleton<ILoggerProvider>(logs));
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
        var rows = new CreditRiskGenerator(510).Generate(100);
        var csv = new StringBuilder("customer_id," + Header + ",default\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            csv.Append(CultureInfo.InvariantCulture, $"c{i},{r.Age},{r.Income},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType},{r.Label}\n");
        }

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ignored = JsonNode.Parse(await put.Content.ReadAsStringAsync())!["ignored_columns"]!.AsArray();
        Assert.Equal(["customer_id"], ignored.Select(n => (string)n!));
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ignored", StringComparison.Ordinal));
        Assert.Equal("Model credit-risk: reference columns not in the schema are ignored (not monitored): customer_id.", warning.Message);
    }

    private static string Csv(IReadOnlyList<CreditRiskRow> rows, Func<int, string, string> income)
    {
        var csv = new StringBuilder(Header + "\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var text = income(i, r.Income.ToString("R", CultureInfo.InvariantCulture));
            csv.Append(CultureInfo.InvariantCulture, $"{r.Age},{text},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType}\n");
        }

        return csv.ToString();
    }

    private static ByteArrayContent Parquet(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.apache.parquet");
        return content;
    }

    /// <summary>The rows as Parquet: numeric features as doubles, categories as strings; <paramref name="incomeText"/> replaces income by a string column.</summary>
    private static async Task<byte[]> ParquetAsync(IReadOnlyList<CreditRiskRow> rows, string[]? incomeText)
    {
        var ct = TestContext.Current.CancellationToken;
        var numeric = CreditRiskSchema.NumericFeatures.ToArray();
        var fields = numeric.Select(n => n == "income" && incomeText is not null ? (DataField)new DataField<string>(n) : new DataField<double>(n))
            .Append(new DataField<string>("employment_type"))
            .Append(new DataField<string>("device_type"))
            .ToArray();
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < numeric.Length; i++)
            {
                if (numeric[i] == "income" && incomeText is not null)
                {
                    await group.WriteAsync(fields[i], incomeText);
                }
                else
                {
                    ReadOnlyMemory<double> values = rows.Select(r => r.GetNumber(numeric[i])).ToArray();
                    await group.WriteAsync(fields[i], values, null, null, ct);
                }
            }

            await group.WriteAsync(fields[^2], rows.Select(r => r.EmploymentType).ToArray());
            await group.WriteAsync(fields[^1], rows.Select(r => r.DeviceType).ToArray());
        }

        return stream.ToArray();
    }
}
