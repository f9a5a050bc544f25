using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.Serving.Generation;

namespace DriftWatch.AspNetCore.Tests.Drift;

public sealed class ReferenceEndpointTests
{
    [Fact]
    public async Task PutReference_Csv_NewProfileUsedAndKeptAcrossRestart()
    {
        var database = Path.Combine(Path.GetTempPath(), $"driftwatch-ref-{Guid.NewGuid():N}.db");
        var csv = new StringBuilder("age,income,debt_to_income,credit_history_months,num_open_accounts,loan_amount,employment_type,device_type\n");
        foreach (var r in new CreditRiskGenerator(401).Generate(3_000, DriftScenario.CovariateShift))
        {
            csv.Append(FormattableString.Invariant($"{r.Age},{r.Income},{r.DebtToIncome},{r.CreditHistoryMonths},{r.NumOpenAccounts},{r.LoanAmount},{r.EmploymentType},{r.DeviceType}\n"));
        }

        try
        {
            using (var service = new DriftService(o => o.Store.Path = database))
            {
                DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);
                var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                Assert.Equal(3_000, (int)JsonNode.Parse(await put.Content.ReadAsStringAsync())!["reference_rows"]!);

                await service.PlayAsync(new CreditRiskGenerator(402).Generate(2_000, DriftScenario.CovariateShift));
                var drift = await service.DriftAsync();
                Assert.Empty(DriftService.Drifted(drift));
                Assert.Equal(3_000, (int)drift["reference_rows"]!);
            }

            using var restarted = new DriftService(o => o.Store.Path = database);
            var again = await restarted.DriftAsync();
            Assert.Equal(2_000, (int)again["window_rows"]!);
            Assert.Empty(DriftService.Drifted(again));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Fact]
    public async Task PutReference_JsonRows_Accepted()
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);

        var put = await service.Client.PutAsync("/v1/models/credit-risk/reference", DriftWatchFactory.Json(DriftService.Body(new CreditRiskGenerator(403).Generate(500))));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(500, (int)JsonNode.Parse(await put.Content.ReadAsStringAsync())!["reference_rows"]!);
    }

    [Theory]
    [InlineData("application/json", "{\"instances\":[{\"age\":\"old\"}]}", HttpStatusCode.BadRequest, "instances[0].age")]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest, "body")]
    [InlineData("application/json", "{\"rows\":[]}", HttpStatusCode.BadRequest, "instances")]
    [InlineData("application/json", "{\"instances\":[{\"age\":1}]}", HttpStatusCode.BadRequest, "body")]
    [InlineData("text/plain", "age\n1\n", HttpStatusCode.UnsupportedMediaType, "Content-Type")]
    [InlineData("text/csv", "colour\nred\nblue\n", HttpStatusCode.BadRequest, "age")]
    public async Task PutReference_BadBody_ProblemNamingField(string contentType, string body, HttpStatusCode status, string field)
    {
        using var service = new DriftService();
        DriftWatchFactory.Authorize(service.Client, DriftService.AdminKey);

        var response = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(field, (string)(await DriftWatchFactory.ReadProblemAsync(response))["field"]!);
    }

    [Fact]
    public async Task PutReference_NoAdminKey_Unauthorized()
    {
        using var service = new DriftService();

        var response = await service.Client.PutAsync("/v1/models/credit-risk/reference", new StringContent("age\n1\n2\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
