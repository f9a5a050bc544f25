using System.Text;
using BenchmarkDotNet.Attributes;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.Benchmarks;

/// <summary>
/// The monitor's observe path on the default credit-risk model (8 features) against the work a request does anyway.
/// <c>Predict</c> (baseline) runs the ML.NET model on the batch; <c>ObserveInputs</c> is the built-in input monitor
/// (missing, range, categories); <c>ObserveAll</c> adds the quality monitor as the service calls them;
/// <c>ObserveService</c> is every observer the service gives the default model (input, quality, drift, label-free):
/// the monitoring a predict request pays for; <c>Parse</c> is the request parser. Cost per row = mean / Rows.
/// </summary>
[MemoryDiagnoser]
public class ServeMonitorBenchmark
{
    private IModel _model = null!;
    private FeatureBatch _batch = null!;
    private ModelOutput[] _outputs = [];
    private InputMonitor _inputs = null!;
    private QualityMonitor _quality = null!;
    private PredictionBatch _prediction = null!;
    private IPredictionObserver[] _service = [];
    private byte[] _json = [];

    [Params(1, 100)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var served = CreditRiskModel.Create(rows: 2000);
        _model = served.Model;
        var rows = new CreditRiskGenerator(seed: 9).Generate(Rows);
        var schema = _model.Schema;
        _batch = new FeatureBatch(schema, Rows);
        var json = new StringBuilder("{\"instances\":[");
        for (var r = 0; r < Rows; r++)
        {
            json.Append(r == 0 ? "{" : ",{");
            for (var f = 0; f < schema.Count; f++)
            {
                var feature = schema.Features[f];
                json.Append(f == 0 ? "\"" : ",\"").Append(feature.Name).Append("\":");
                if (feature.Kind == FeatureKind.Numeric)
                {
                    var v = rows[r].GetNumber(feature.Name);
                    _batch.SetNumber(r, f, v);
                    json.Append(double.IsNaN(v) ? "null" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    var s = rows[r].GetCategory(feature.Name);
                    _batch.SetString(r, f, s);
                    json.Append(s is null ? "null" : "\"" + s + "\"");
                }
            }

            json.Append('}');
        }

        _json = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        _outputs = new ModelOutput[Rows];
        _model.Predict(_batch, _outputs);
        _inputs = new InputMonitor(schema, 32);
        _quality = new QualityMonitor(ModelTask.BinaryClassification, 1000);
        _service =
        [
            new InputMonitor(schema, 32),
            new QualityMonitor(ModelTask.BinaryClassification, 1000),
            new DriftMonitorRegistry(new DriftWatch.Monitoring.DriftMonitorOptions()).AttachAsync(served).GetAwaiter().GetResult()!,
            new LabelFreeMonitor(served),
        ];
        _prediction = new PredictionBatch(_model, _batch, _outputs, [.. Enumerable.Range(0, Rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], DateTimeOffset.UnixEpoch);
    }

    [Benchmark(Baseline = true)]
    public void Predict() => _model.Predict(_batch, _outputs);

    [Benchmark]
    public void ObserveInputs() => _inputs.OnPredictions(_prediction);

    [Benchmark]
    public void ObserveAll()
    {
        _inputs.OnPredictions(_prediction);
        _quality.OnPredictions(_prediction);
    }

    [Benchmark]
    public void ObserveService()
    {
        foreach (var observer in _service)
        {
            observer.OnPredictions(_prediction);
        }
    }

    [Benchmark]
    public FeatureBatch? Parse() => PredictRequestParser.Parse(_json, _model.Schema, 1000).Batch;
}
