using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DriftWatch.AspNetCore;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.Benchmarks;

/// <summary>
/// <c>GET /metrics</c> of an in-process service with 3 models of 50 features each (45 numeric, 5 categorical with 4
/// categories), every series populated; the baseline is <c>GET /healthz</c> through the same in-process pipeline, so the
/// difference is the render itself.
/// </summary>
[MemoryDiagnoser]
public class MetricsScrapeBenchmark
{
    private const int Numeric = 45;
    private const int Categorical = 5;
    private IHost _host = null!;
    private HttpClient _client = null!;
    private DirectoryInfo _dir = null!;

    [Params(3)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("driftwatch-scrape-");
        var paths = Enumerable.Range(0, Models).Select(i => TrainWide(Path.Combine(_dir.FullName, $"wide{i}.zip"))).ToList();
        _host = DriftWatchHost.CreateHostBuilder(
                [],
                [new("DriftWatch:Store:Path", Path.Combine(_dir.FullName, "db.sqlite")), new("Logging:LogLevel:Default", "Warning")],
                o =>
                {
                    for (var i = 0; i < paths.Count; i++)
                    {
                        o.Models.Add(new ModelOptions { Name = $"wide{i}", Path = paths[i] });
                    }
                })
            .ConfigureWebHost(web => web.UseTestServer())
            .Start();
        _client = _host.GetTestClient();
        var row = string.Join(",", Enumerable.Range(0, Numeric).Select(f => $"\"x{f}\":{f}").Concat(Enumerable.Range(0, Categorical).Select(c => $"\"c{c}\":\"v{c % 4}\"")));
        for (var i = 0; i < Models; i++)
        {
            using var content = new StringContent($"{{\"instances\":[{{{row}}}]}}", Encoding.UTF8, "application/json");
            _client.PostAsync(new Uri($"/v1/models/wide{i}/predict", UriKind.Relative), content).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<string> Health() => _client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

    [Benchmark]
    public Task<string> Scrape() => _client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static string TrainWide(string path)
    {
        var context = new MLContext(seed: 1);
        var random = new Random(3);
        var schema = new List<FeatureSchema>();
        for (var f = 0; f < Numeric; f++)
        {
            schema.Add(FeatureSchema.Numeric($"x{f}", 0, 100));
        }

        for (var c = 0; c < Categorical; c++)
        {
            schema.Add(FeatureSchema.Categorical($"c{c}", ["v0", "v1", "v2", "v3"]));
        }

        var rows = 500;
        var batch = new FeatureBatch(new ModelSchema(schema), rows);
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < Numeric; f++)
            {
                batch.SetNumber(r, f, random.NextDouble() * 100);
            }

            for (var c = 0; c < Categorical; c++)
            {
                batch.SetString(r, Numeric + c, $"v{random.Next(4)}");
            }
        }

        var data = context.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(r => new WideRow
        {
            Features = [.. Enumerable.Range(0, Numeric).Select(f => (float)batch.GetNumber(r, f))],
            Label = batch.GetNumber(r, 0) > 50,
        }));
        var model = context.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(data);

        // Serve it through a pipeline whose inputs are the 50 named columns: concatenate, then the trained model.
        var inputSchema = BatchDataView.BuildSchema(schema.Select(f => (f.Name, f.Kind == FeatureKind.Numeric ? (DataViewType)NumberDataViewType.Single : TextDataViewType.Instance)));
        var inputs = new BatchDataView(batch, inputSchema, [.. Enumerable.Range(0, schema.Count)]);
        var pipeline = context.Transforms.Concatenate("Features", [.. Enumerable.Range(0, Numeric).Select(f => $"x{f}")]).Fit(inputs);
        var chain = new TransformerChain<ITransformer>(pipeline, model);
        context.Model.Save(chain, inputs.Schema, path);
        new ModelSchemaFile(string.Empty, "1", ModelTask.BinaryClassification, new ModelSchema(schema), null, null).Write(ModelSchemaFile.PathFor(path));
        return path;
    }

    private sealed class WideRow
    {
        [VectorType(Numeric)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
