using BenchmarkDotNet.Attributes;
using DriftWatch.Data;
using DriftWatch.Multivariate;
using DriftWatch.Quality;

namespace DriftWatch.Benchmarks;

/// <summary>
/// Cost of one evaluation of the label-free estimators on a window: CBPE (calibrate, expected confusion matrix, ROC AUC
/// estimate) and data reconstruction (encode, standardise, project, outliers) over 50 features (45 numerical driven by
/// 5 latent factors, 5 categorical), plus fitting the reconstruction model on a 10 000-row reference.
/// </summary>
[MemoryDiagnoser]
public class LabelFreeBenchmark
{
    private const int Features = 50;
    private const int Categorical = 5;

    private CbpeEstimator _cbpe = null!;
    private DataReconstructionDrift _reconstruction = null!;
    private Dataset _reference = null!;
    private Dataset _current = null!;
    private string[] _columns = null!;
    private double[] _scores = null!;
    private int[] _predicted = null!;

    /// <summary>Gets or sets the window size.</summary>
    [Params(1_000, 5_000)]
    public int Rows { get; set; }

    /// <summary>Builds the reference, fits both estimators and draws the window.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _columns = [.. Enumerable.Range(0, Features).Select(j => $"f{j:00}")];
        _reference = Generate(random, 10_000);
        _current = Generate(random, Rows);

        var (refScores, refPredicted, refActual) = Classify(random, 10_000);
        _cbpe = CbpeEstimator.Fit(refScores, refPredicted, refActual, new CbpeOptions { ChunkSize = 1_000 });
        (_scores, _predicted, _) = Classify(random, Rows);
        _reconstruction = DataReconstructionDrift.Fit(_reference, _columns, new ReconstructionOptions { ChunkSize = 1_000 });
    }

    /// <summary>CBPE: all six metrics for one window.</summary>
    /// <returns>The estimate.</returns>
    [Benchmark(Baseline = true)]
    public CbpeEstimate CbpeEstimate() => _cbpe.Estimate(_scores, _predicted);

    /// <summary>Data reconstruction: mean error, thresholds and outliers for one window.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ReconstructionDriftResult ReconstructionEvaluate() => _reconstruction.Evaluate(_current);

    /// <summary>Fitting the reconstruction model on the 10 000-row reference (done once per reference).</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public DataReconstructionDrift ReconstructionFit() => DataReconstructionDrift.Fit(_reference, _columns, new ReconstructionOptions { ChunkSize = 1_000 });

    private static (double[] Scores, int[] Predicted, int[] Actual) Classify(Random random, int n)
    {
        var scores = new double[n];
        var predicted = new int[n];
        var actual = new int[n];
        for (var i = 0; i < n; i++)
        {
            var logit = 2 * Normal(random);
            var p = 1 / (1 + Math.Exp(-logit));
            scores[i] = Math.Round(1 / (1 + Math.Exp(-0.6 * logit)), 6);
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
            actual[i] = random.NextDouble() < p ? 1 : 0;
        }

        return (scores, predicted, actual);
    }

    private Dataset Generate(Random random, int n)
    {
        var loadings = new double[Features, 5];
        var fixedRandom = new Random(7);
        for (var j = 0; j < Features; j++)
        {
            for (var k = 0; k < 5; k++)
            {
                loadings[j, k] = fixedRandom.NextDouble() - 0.5;
            }
        }

        var numbers = new double[Features - Categorical][];
        var strings = new string?[Categorical][];
        for (var j = 0; j < numbers.Length; j++)
        {
            numbers[j] = new double[n];
        }

        for (var j = 0; j < Categorical; j++)
        {
            strings[j] = new string?[n];
        }

        string[] labels = ["a", "b", "c", "d"];
        var factors = new double[5];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < 5; k++)
            {
                factors[k] = Normal(random);
            }

            for (var j = 0; j < Features; j++)
            {
                var v = Normal(random) * 0.5;
                for (var k = 0; k < 5; k++)
                {
                    v += loadings[j, k] * factors[k];
                }

                if (j < numbers.Length)
                {
                    numbers[j][i] = v;
                }
                else
                {
                    strings[j - numbers.Length][i] = labels[Math.Clamp((int)Math.Floor(v + 2), 0, 3)];
                }
            }
        }

        var columns = new List<DatasetColumn>();
        for (var j = 0; j < Features; j++)
        {
            columns.Add(j < numbers.Length
                ? new DatasetColumn(_columns[j], ValueKind.Float, numbers[j], null)
                : new DatasetColumn(_columns[j], ValueKind.String, null, strings[j - numbers.Length]));
        }

        return new Dataset("benchmark", columns);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
