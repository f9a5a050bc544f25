using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.Analysis;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Tests.Drift;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Tests.LabelFree;

/// <summary>A model whose reference names its label column in configuration (<see cref="ModelOptions.LabelColumn"/>).</summary>
public sealed class LabelColumnTests : IDisposable
{
    private const string AdminKey = "label-column-admin-key-0123";
    private const string Features = "age,income,debt_to_income,credit_history_months,num_open_accounts,loan_amount,employment_type,device_type";

    private readonly ModelFileHost _host = new("driftwatch-labelcol-", "fraud");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task LabelFree_ConfiguredIsFraudColumn_SameEstimateAsLabelColumnAndNoWarning()
    {
        var rows = new CreditRiskGenerator(801).Generate(600);
        var traffic = new CreditRiskGenerator(802).Generate(400, DriftScenario.CovariateShift);
        var guessedLogs = new RecordingLoggerProvider();
        var configuredLogs = new RecordingLoggerProvider();

        var guessed = await EvaluateAsync(Reference(rows, "label", r => Inv(r.Label)), labelColumn: null, traffic, guessedLogs);
        var configured = await EvaluateAsync(Reference(rows, "is_fraud", r => Inv(r.Label)), labelColumn: "is_fraud", traffic, configuredLogs);

        var expected = Assert.IsType<LabelFreeSnapshot>(guessed).Estimate;
        var actual = Assert.IsType<LabelFreeSnapshot>(configured).Estimate;
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(400, actual.Rows);
        Assert.Equal(expected.ExpectedConfusion, actual.ExpectedConfusion);
        Assert.Equal(expected.Metrics, actual.Metrics);
        Assert.DoesNotContain(configuredLogs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("ignored", StringComparison.Ordinal));
        Assert.DoesNotContain(guessedLogs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LabelFree_TrueFalseLabels_SameEstimateAsZeroOne()
    {
        var rows = new CreditRiskGenerator(803).Generate(600);
        var traffic = new CreditRiskGenerator(804).Generate(200);

        var numbers = await EvaluateAsync(Reference(rows, "y", r => Inv(r.Label)), labelColumn: "y", traffic, null);
        var booleans = await EvaluateAsync(Reference(rows, "y", r => r.Label > 0.5 ? "True" : "false"), labelColumn: "y", traffic, null);

        Assert.NotNull(numbers?.Estimate);
        Assert.Equal(numbers.Estimate.Metrics, booleans?.Estimate?.Metrics);
    }

    [Fact]
    public async Task LabelFree_IsFraudColumnNotConfigured_NoEstimateAndWarned()
    {
        var logs = new RecordingLoggerProvider();
        var rows = new CreditRiskGenerator(805).Generate(600);

        var snapshot = await EvaluateAsync(Reference(rows, "is_fraud", r => Inv(r.Label)), labelColumn: null, new CreditRiskGenerator(806).Generate(200), logs);

        Assert.NotNull(snapshot);
        Assert.Null(snapshot.Estimate);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ignored", StringComparison.Ordinal));
        Assert.Equal($"Model {_host.Name}: reference columns not in the schema are ignored (not monitored): is_fraud ({_host.ReferencePath}).", warning.Message);
    }

    [Fact]
    public void StartUp_LabelColumnMissing_FailsNamingIt()
    {
        var csv = Reference(new CreditRiskGenerator(807).Generate(100), "label", r => Inv(r.Label));

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, "is_fraud"));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: no label column 'is_fraud' (the model's label_column).", ex.Message);
    }

    [Fact]
    public void StartUp_LabelColumnIsAFeature_FailsNamingIt()
    {
        var csv = Reference(new CreditRiskGenerator(808).Generate(100), "is_fraud", r => Inv(r.Label));

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, "income"));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: label column 'income' is a feature of the model; the label must be a column of its own.", ex.Message);
    }

    [Theory]
    [InlineData("yes", "label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 100 of its 100 values do not (first at row 1: 'yes')")]
    [InlineData("2", "label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 100 of its 100 values do not (first at row 1: '2')")]
    [InlineData("0.5", "label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 100 of its 100 values do not (first at row 1: '0.5')")]
    [InlineData("", "label column 'is_fraud' has no label in 100 of its 100 rows (first at row 1)")]
    public void StartUp_LabelColumnWithValuesThatAreNotBinaryLabels_FailsNamingColumnAndRow(string value, string problem)
    {
        var csv = Reference(new CreditRiskGenerator(809).Generate(100), "is_fraud", _ => value);

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, "is_fraud"));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: {problem}.", ex.Message);
        Assert.IsType<ReferenceSchemaException>(ex.InnerException);
    }

    [Fact]
    public void StartUp_OneBadLabelAmongGoodOnes_FailsNamingItsRow()
    {
        var csv = Reference(new CreditRiskGenerator(810).Generate(100), "is_fraud", r => Inv(r.Label)).Replace(",0\n", ",no\n", StringComparison.Ordinal);
        var bad = csv.Split('\n').Skip(1).Count(l => l.EndsWith(",no", StringComparison.Ordinal));
        var first = Array.FindIndex(csv.Split('\n').Skip(1).ToArray(), l => l.EndsWith(",no", StringComparison.Ordinal)) + 1;

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, "is_fraud"));

        Assert.Equal(
            $"Models '{_host.Name}': reference data: {_host.ReferencePath}: label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but {bad} of its 100 values do not (first at row {first}: 'no').",
            ex.Message);
    }

    [Fact]
    public void StartUp_LabelColumnWithoutReference_OptionsRefused()
    {
        File.WriteAllBytes(_host.ModelPath, SavedCreditRiskModel.Seed5.Bytes);
        var factory = _host.Factory(o => o.Models.Add(new ModelOptions { Name = _host.Name, Path = _host.ModelPath, LabelColumn = "is_fraud" }), AdminKey);

        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Equal($"Models:0:LabelColumn 'is_fraud' needs a Reference file that holds it", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task PutReference_CarriesConfiguredLabelWithBadValues_400NamingIt()
    {
        var rows = new CreditRiskGenerator(811).Generate(200);
        var client = Start(Reference(rows, "is_fraud", r => Inv(r.Label)), "is_fraud");
        var body = Reference(new CreditRiskGenerator(812).Generate(50), "is_fraud", _ => "maybe");

        var put = await client.PutAsync($"/v1/models/{_host.Name}/reference", new StringContent(body, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        var problem = await DriftWatchFactory.ReadProblemAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("is_fraud", (string)problem["field"]!);
        Assert.Equal("reference: label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 50 of its 50 values do not (first at row 1: 'maybe')", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PutReference_CarriesConfiguredLabel_AcceptedNotIgnored()
    {
        var client = Start(Reference(new CreditRiskGenerator(813).Generate(200), "is_fraud", r => Inv(r.Label)), "is_fraud");
        var body = Reference(new CreditRiskGenerator(814).Generate(50), "is_fraud", r => Inv(r.Label)).Replace("\n", ",1\n", StringComparison.Ordinal).Replace(",is_fraud,1\n", ",is_fraud,label\n", StringComparison.Ordinal);

        var put = await client.PutAsync($"/v1/models/{_host.Name}/reference", new StringContent(body, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ignored = JsonNode.Parse(await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["ignored_columns"]!.AsArray();
        Assert.Equal(["label"], ignored.Select(n => (string)n!));
    }

    [Fact]
    public async Task Reload_ReferenceLabelsBroken_409AndOldReferenceKept()
    {
        var client = Start(Reference(new CreditRiskGenerator(815).Generate(300), "is_fraud", r => Inv(r.Label)), "is_fraud");
        File.WriteAllText(_host.ReferencePath, Reference(new CreditRiskGenerator(816).Generate(400), "label", r => Inv(r.Label)));

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);
        var problem = await DriftWatchFactory.ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("reference", (string)problem["field"]!);
        Assert.Equal(
            $"Model '{_host.Name}' was not reloaded from '{_host.ModelPath}': Models '{_host.Name}': reference data: {_host.ReferencePath}: no label column 'is_fraud' (the model's label_column). Version 1 is still served.",
            (string)problem["detail"]!);
        var model = JsonNode.Parse(await client.GetStringAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken))!;
        Assert.Equal(300, (int)model["reference_rows"]!);
    }

    [Fact]
    public async Task Reload_ValidReference_NewModelKeepsLabelColumn()
    {
        var factory = StartFactory(Reference(new CreditRiskGenerator(817).Generate(300), "is_fraud", r => Inv(r.Label)), "is_fraud", null);
        var client = ModelFileHost.Client(factory, AdminKey);
        File.WriteAllText(_host.ReferencePath, Reference(new CreditRiskGenerator(818).Generate(400), "is_fraud", r => Inv(r.Label)));

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Services.GetRequiredService<ModelRegistry>().TryGetModel(_host.Name, out var served));
        Assert.Equal("is_fraud", served.LabelColumn);
        Assert.Equal(400, served.Reference!.RowCount);
    }

    private static string Inv(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Reference(IReadOnlyList<CreditRiskRow> rows, string labelName, Func<CreditRiskRow, string> label)
    {
        var csv = new StringBuilder($"{Features},{labelName}\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Age},{r.Income.ToString("R", CultureInfo.InvariantCulture)},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType},{label(r)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Serves the reference, predicts <paramref name="traffic"/> and evaluates the label-free monitor once.</summary>
    private async Task<LabelFreeSnapshot?> EvaluateAsync(string reference, string? labelColumn, IReadOnlyList<CreditRiskRow> traffic, ILoggerProvider? logs)
    {
        var factory = StartFactory(reference, labelColumn, logs);
        var client = ModelFileHost.Client(factory, AdminKey);
        var response = await client.PostAsync($"/v1/models/{_host.Name}/predict", DriftWatchFactory.Json(DriftService.Body(traffic)), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var monitors = factory.Services.GetServices<IPredictionObserverFactory>().OfType<LabelFreeMonitorFactory>().Single();
        return monitors.Find(_host.Name)!.EvaluateNow();
    }

    private HttpClient Start(string reference, string? labelColumn) => ModelFileHost.Client(StartFactory(reference, labelColumn, null), AdminKey);

    private DriftWatchFactory StartFactory(string reference, string? labelColumn, ILoggerProvider? logs)
    {
        SavedCreditRiskModel.Seed5.Write(_host.ModelPath);
        File.WriteAllText(_host.ReferencePath, reference);
        return _host.Factory(o => o.Models.Add(new ModelOptions { Name = _host.Name, Path = _host.ModelPath, Reference = _host.ReferencePath, LabelColumn = labelColumn }), AdminKey, logs);
    }
}
