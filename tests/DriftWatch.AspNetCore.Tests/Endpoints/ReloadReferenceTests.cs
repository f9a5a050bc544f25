using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Tests.Endpoints;

/// <summary>A configured model whose reference file does not fit its schema: refused at start-up and on reload.</summary>
public sealed class ReloadReferenceTests : IDisposable
{
    private const string AdminKey = "reload-admin-key-0123456789";

    private readonly ModelFileHost _host = new("driftwatch-refcheck-", "scorer");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Reload_ReferenceWithTextInNumericColumn_409AndOldModelAndReferenceKept()
    {
        var client = Start(Reference(500, seed: 601));
        File.WriteAllText(_host.ReferencePath, Reference(600, seed: 602, badRow: 4));

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);
        var problem = await DriftWatchFactory.ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("reference", (string)problem["field"]!);
        Assert.Equal(
            $"Model '{_host.Name}' was not reloaded from '{_host.ModelPath}': Models '{_host.Name}': reference data: {_host.ReferencePath}: column 'income' is a numeric feature but 1 of its 600 values are not numbers (first at row 5: 'n/a'). Version 1 is still served.",
            (string)problem["detail"]!);
        var model = JsonNode.Parse(await client.GetStringAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken))!;
        Assert.Equal("1", (string)model["version"]!);
        Assert.Equal(500, (int)model["reference_rows"]!);
    }

    [Fact]
    public async Task Reload_ValidReferenceChanged_Reloaded()
    {
        var client = Start(Reference(500, seed: 603));
        File.WriteAllText(_host.ReferencePath, Reference(700, seed: 604));

        var response = await client.PostAsync($"/v1/models/{_host.Name}/reload", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = JsonNode.Parse(await client.GetStringAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken))!;
        Assert.Equal(700, (int)model["reference_rows"]!);
    }

    [Fact]
    public void StartUp_ReferenceWithoutAFeatureColumn_FailsNamingColumn()
    {
        var csv = Reference(100, seed: 605).Replace(",device_type,", ",device,", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: no column 'device_type' (a categorical feature of the model).", ex.Message);
        Assert.IsType<ReferenceSchemaException>(ex.InnerException);
    }

    [Fact]
    public void StartUp_NoSchemaFileTextInNumericInput_FailsInsteadOfLearningCategories()
    {
        var csv = Reference(100, seed: 606, badRow: 0);

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, schemaFile: false));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: column 'income' is a numeric feature but 1 of its 100 values are not numbers (first at row 1: 'n/a').", ex.Message);
    }

    [Fact]
    public void StartUp_NoSchemaFileReferenceWithoutAnInput_FailsInsteadOfDroppingTheFeature()
    {
        var csv = Reference(100, seed: 607).Replace("loan_amount,", "loan,", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidDataException>(() => Start(csv, schemaFile: false));

        Assert.Equal($"Models '{_host.Name}': reference data: {_host.ReferencePath}: no column 'loan_amount' (a numeric feature of the model).", ex.Message);
    }

    [Fact]
    public async Task StartUp_NoSchemaFileValidReference_SchemaLearnedWithTheInputKinds()
    {
        var client = Start(Reference(300, seed: 608), schemaFile: false);

        var model = JsonNode.Parse(await client.GetStringAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken))!;

        Assert.Equal(300, (int)model["reference_rows"]!);
        var kinds = model["features"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string)f!["type"]!);
        Assert.Equal(SavedCreditRiskModel.Seed5.Schema.Features.ToDictionary(f => f.Name, f => f.Kind == FeatureKind.Numeric ? "numeric" : "categorical"), kinds);
    }

    [Fact]
    public async Task StartUp_UnexpectedReferenceColumn_ServedAndWarned()
    {
        var logs = new Drift.RecordingLoggerProvider();
        var csv = Reference(100, seed: 609).Replace("\n", ",7\n", StringComparison.Ordinal).Replace(",default,7\n", ",default,branch\n", StringComparison.Ordinal);

        var client = Start(csv, logs: logs);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/models/{_host.Name}", TestContext.Current.CancellationToken)).StatusCode);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ignored", StringComparison.Ordinal));
        Assert.Equal($"Model {_host.Name}: reference columns not in the schema are ignored (not monitored): branch ({_host.ReferencePath}).", warning.Message);
    }

    private static string Reference(int rows, int seed, int badRow = -1)
    {
        var csv = new StringBuilder("age,income,debt_to_income,credit_history_months,num_open_accounts,loan_amount,employment_type,device_type,default\n");
        var generated = new CreditRiskGenerator(seed).Generate(rows);
        for (var i = 0; i < rows; i++)
        {
            var r = generated[i];
            var income = i == badRow ? "n/a" : r.Income.ToString("R", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{r.Age},{income},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType},{r.Label}\n");
        }

        return csv.ToString();
    }

    private HttpClient Start(string reference, bool schemaFile = true, ILoggerProvider? logs = null)
    {
        SavedCreditRiskModel.Seed5.Write(_host.ModelPath, schemaFile);
        File.WriteAllText(_host.ReferencePath, reference);
        var factory = _host.Factory(o => o.Models.Add(new ModelOptions { Name = _host.Name, Path = _host.ModelPath, Reference = _host.ReferencePath }), AdminKey, logs);
        return ModelFileHost.Client(factory, AdminKey);
    }
}
