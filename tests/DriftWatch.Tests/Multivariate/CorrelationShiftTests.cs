using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Multivariate;

namespace DriftWatch.Tests.Multivariate;

public sealed class CorrelationShiftTests
{
    [Fact]
    public void Evaluate_CorrelationChangeWithSameMarginals_UnivariateSilentReconstructionFires()
    {
        var reference = Generate(new Random(11), 2000, rho: 0.8, "reference");
        var current = Generate(new Random(12), 1000, rho: -0.8, "current");
        var columns = reference.Columns.Select(c => c.Name).ToArray();

        var model = DataReconstructionDrift.Fit(reference, columns, new ReconstructionOptions { ChunkSize = 250 });
        var result = model.Evaluate(current);

        var univariate = DriftAnalyzer.Analyze(reference, current, new DriftAnalysisOptions { Methods = ["ks", "psi", "jensenshannon"] });

        Assert.Equal(12, univariate.Columns.Count);
        Assert.All(univariate.Columns, c => Assert.False(c.Result.Detected, $"{c.Column} ({c.Result.Method}, score {c.Result.Score}) should not flag drift"));

        Assert.True(result.Alert);
        Assert.True(result.MeanError > model.UpperThreshold);
    }

    [Fact]
    public void Evaluate_SameDistribution_StaysWithinThresholds()
    {
        var reference = Generate(new Random(21), 2000, rho: 0.8, "reference");
        var current = Generate(new Random(22), 1000, rho: 0.8, "current");

        var model = DataReconstructionDrift.Fit(reference, ["x1", "x2", "x3", "x4"], new ReconstructionOptions { ChunkSize = 250 });
        var result = model.Evaluate(current);

        Assert.False(result.Alert);
    }

    /// <summary>x1, x2 standard normal with correlation rho; x3, x4 independent standard normals.</summary>
    private static Dataset Generate(Random random, int n, double rho, string source)
    {
        var x = new double[4][];
        for (var j = 0; j < 4; j++)
        {
            x[j] = new double[n];
        }

        for (var i = 0; i < n; i++)
        {
            var a = Normal(random);
            var b = Normal(random);
            x[0][i] = a;
            x[1][i] = (rho * a) + (Math.Sqrt(1 - (rho * rho)) * b);
            x[2][i] = Normal(random);
            x[3][i] = Normal(random);
        }

        return new Dataset(source, [.. x.Select((v, j) => new DatasetColumn($"x{j + 1}", ValueKind.Float, v, null))]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
