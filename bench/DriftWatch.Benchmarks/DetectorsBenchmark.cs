using BenchmarkDotNet.Attributes;
using DriftWatch.Detectors;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Online change detectors over a 1e6-value stream; one operation = one <c>Update</c> plus the flag read.
/// Binary detectors (DDM, EDDM, HDDM_A, HDDM_W, FHDDM) get a Bernoulli stream whose error rate moves
/// 0.2 → 0.4 → 0.2 → 0.4 every 250 000 values; the others get River's docstring shape ({0,1} then {4..7})
/// repeated in the same four segments. <c>Baseline</c> only sums the stream; <c>UpdateBatch</c> feeds the same stream
/// through the batch <c>Update(ReadOnlySpan&lt;double&gt;, ...)</c>.
/// </summary>
[MemoryDiagnoser]
public class DetectorsBenchmark
{
    private const int N = 1_000_000;

    private double[] _stream = [];
    private int[] _drifts = [];
    private int[] _warnings = [];
    private IDriftDetector _detector = null!;

    [Params("adwin", "page-hinkley", "kswin", "ddm", "eddm", "hddm-a", "hddm-w", "fhddm", "cusum", "ewma", "shewhart")]
    public string Detector { get; set; } = "adwin";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240601);
        bool binary = Detector is "ddm" or "eddm" or "hddm-a" or "hddm-w" or "fhddm";
        _stream = new double[N];
        for (int i = 0; i < N; i++)
        {
            bool second = i / (N / 4) % 2 == 1;
            _stream[i] = binary
                ? (random.NextDouble() < (second ? 0.4 : 0.2) ? 1 : 0)
                : (second ? random.Next(4, 8) : random.Next(0, 2));
        }

        var options = Detector == "kswin" ? new Dictionary<string, string> { ["seed"] = "42" } : null;
        _detector = DriftDetectors.Create(Detector, options);
        _drifts = new int[N];
        _warnings = new int[N];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public double Baseline()
    {
        double sum = 0;
        foreach (double x in _stream)
        {
            sum += x;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int Update()
    {
        var detector = _detector;
        detector.Reset();
        int drifts = 0;
        foreach (double x in _stream)
        {
            detector.Update(x);
            if (detector.DriftDetected)
            {
                drifts++;
            }
        }

        return drifts;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int UpdateBatch()
    {
        var detector = _detector;
        detector.Reset();
        return detector.Update(_stream, _drifts, _warnings).DriftCount;
    }
}
