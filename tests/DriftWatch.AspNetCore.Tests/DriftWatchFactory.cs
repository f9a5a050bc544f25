using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DriftWatch.AspNetCore.Tests;

/// <summary>The service in process, on a throw-away SQLite file, built by the same host code as <c>driftwatch serve</c>.</summary>
/// <remarks>The entry-point type is the test assembly's own (an executable); the host comes from <see cref="DriftWatchHost.CreateHostBuilder"/>.</remarks>
public sealed class DriftWatchFactory : WebApplicationFactory<DriftWatchFactory>
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-web-");

    /// <summary>Gets or sets the options change, set before the first client is created.</summary>
    public Action<DriftWatchOptions>? Configure { get; init; }

    /// <summary>Gets or sets extra service registrations, set before the first client is created.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public string DatabasePath => Path.Combine(_dir.FullName, "driftwatch.db");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A credit-risk instance as JSON (every feature present).</summary>
    public static string Instance(double age = 41, string income = "52000", string employment = "\"salaried\"", string device = "\"mobile\"") =>
        $$"""{"age":{{age.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"income":{{income}},"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":{{employment}},"device_type":{{device}}}""";

    public async Task<string[]> PredictIdsAsync(HttpClient client, params string[] instances)
    {
        var response = await client.PostAsync("/v1/models/credit-risk/predict", Json($$"""{"instances":[{{string.Join(",", instances)}}]}"""));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["predictions"]!.AsArray().Select(p => (string)p!["id"]!)];
    }

    public static void Authorize(HttpClient client, string key) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected override IHostBuilder CreateHostBuilder() =>
        DriftWatchHost.CreateHostBuilder(
            [],
            [new("DriftWatch:Store:Path", DatabasePath), new("Logging:LogLevel:Default", "Warning")],
            Configure);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.ConfigureServices(services => ExtraServices?.Invoke(services));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A pooled handle may still be closing; the OS temp cleaner takes the rest.
            }
        }
    }
}
