using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DriftWatch.AspNetCore;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.Benchmarks;

/// <summary>
/// <c>GET /metrics</c> of an in-process service with 3 models of 50 features each (45 numeric, 5 categorical with 4
/// categories), as in a real deployment: every model has reference data (so the per-bin observation and reference-ratio
/// series and the label-free series exist), a full drift window of served rows, labelled predictions, and an evaluated
/// drift snapshot (per-feature scores). The baseline is <c>GET /healthz</c> through the same in-process pipeline, so the
/// difference is the render itself.
/// </summary>
[MemoryDiagnoser]
public class MetricsScrapeBenchmark
{
    private const int Numeric = 45;
    private const int Categorical = 5;
    private const int ReferenceRows = 2_000;
    private const int ServedRows = 5_000; // The drift window's default size: the window is full.
    private const int Batch = 250; // 50 features a row: a 1 000-row body would pass the 1 MiB request limit.
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
        var reference = WriteReference(Path.Combine(_dir.FullName, "reference.csv"));
        _host = DriftWatchHost.CreateHostBuilder(
                [],
                [new("DriftWatch:Store:Path", Path.Combine(_dir.FullName, "db.sqlite")), new("Logging:LogLevel:Default", "Warning")],
                o =>
                {
                    for (var i = 0; i < paths.Count; i++)
                    {
                        o.Models.Add(new ModelOptions { Name = $"wide{i}", Path = paths[i], Reference = reference });
                    }
                })
            .ConfigureWebHost(web => web.UseTestServer())
            .Start();
        _client = _host.GetTestClient();
        var random = new Random(5);
        for (var i = 0; i < Models; i++)
        {
            for (var start = 0; start < ServedRows; start += Batch)
            {
                var rows = string.Join(",", Enumerable.Range(0, Batch).Select(_ => Row(random, shift: i * 10)));
                var ids = Post($"/v1/models/wide{i}/predict", $"{{\"instances\":[{rows}]}}")
                    .RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
                if (start < 1_000)
                {
                    var labels = string.Join(",", ids.Select((id, k) => $"{{\"id\":\"{id}\",\"actual\":{k % 2}}}"));
                    Post($"/v1/models/wide{i}/feedback", $"{{\"feedback\":[{labels}]}}").Dispose();
                }
            }
        }

        // Evaluate now rather than waiting for the timers' first tick, so the drift scores and the label-free series are
        // in the first scrape (scrapes only read the snapshots).
        foreach (var monitor in _host.Services.GetRequiredService<DriftMonitorRegistry>().Monitors)
        {
            monitor.Evaluate();
        }

        _host.Services.GetServices<IHostedService>().OfType<LabelFreeEvaluationHostedService>().Single().EvaluateNow();

        CheckExposition(_client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult());
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

    /// <summary>Fails the setup unless every model has its per-bin, reference and drift series: a benchmark of an
    /// exposition without them would measure less than a real deployment renders.</summary>
    private void CheckExposition(string exposition)
    {
        var lines = exposition.Split('\n');
        for (var i = 0; i < Models; i++)
        {
            var model = $"model=\"wide{i}\"";
            foreach (var (prefix, least) in new[]
            {
                ("driftwatch_feature_observations_total{", Numeric * 2),
                ("driftwatch_feature_reference_ratio{", Numeric * 2),
                ("driftwatch_feature_drift_score{", Numeric + Categorical),
                ("driftwatch_feature_drift_detected{", Numeric + Categorical),
                ("driftwatch_dataset_drift_share{", 1),
                ("driftwatch_prediction_drift_score{", 1),
                ("driftwatch_model_accuracy{", 1),
                ("driftwatch_reconstruction_error{", 1),
                ("driftwatch_feature_category_observations_total{", Categorical * 5),
            })
            {
                var count = lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(model, StringComparison.Ordinal));
                if (count < least)
                {
                    throw new InvalidOperationException($"The exposition has {count} {prefix.TrimEnd('{')} series for wide{i}; expected at least {least}.");
                }
            }
        }

        Console.WriteLine($"// /metrics: {lines.Length} lines, {exposition.Length} characters");
    }

    private JsonDocument Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = _client.PostAsync(new Uri(path, UriKind.Relative), content).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body) : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
    }

    /// <summary>One instance as JSON; <paramref name="shift"/> moves the numeric features so that some models drift.</summary>
    private static string Row(Random random, int shift)
    {
        var numbers = Enumerable.Range(0, Numeric).Select(f => string.Create(CultureInfo.InvariantCulture, $"\"x{f}\":{(random.NextDouble() * 100) + (f % 3 == 0 ? shift : 0):R}"));
        var categories = Enumerable.Range(0, Categorical).Select(c => $"\"c{c}\":\"v{random.Next(4)}\"");
        return "{" + string.Join(",", numbers.Concat(categories)) + "}";
    }

    private static string WriteReference(string path)
    {
        var random = new Random(4);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Enumerable.Range(0, Numeric).Select(f => $"x{f}").Concat(Enumerable.Range(0, Categorical).Select(c => $"c{c}"))).Append('\n');
        for (var r = 0; r < ReferenceRows; r++)
        {
            csv.AppendJoin(',', Enumerable.Range(0, Numeric).Select(_ => (random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture))
                .Concat(Enumerable.Range(0, Categorical).Select(_ => $"v{random.Next(4)}"))).Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }

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
