using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Multivariate;
using DriftWatch.Tests.Quality;

namespace DriftWatch.Tests.Multivariate;

public sealed class DataReconstructionDriftTests
{
    private static readonly Lazy<(DataReconstructionDrift Model, Dataset Current)> Fitted = new(() =>
    {
        var r = LabelFreeReference.Get("reconstruction");
        var columns = r.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var reference = LabelFreeReference.Dataset(r.GetProperty("reference"), columns, "reference");
        var current = LabelFreeReference.Dataset(r.GetProperty("current"), columns, "current");
        var model = DataReconstructionDrift.Fit(reference, columns, new ReconstructionOptions { ChunkSize = r.GetProperty("chunk_size").GetInt32() });
        return (model, current);
    });

    [Fact]
    public void Fit_MixedTypesWithMissing_KeepsSameComponentsAsScikitLearn()
    {
        var r = LabelFreeReference.Get("reconstruction");

        var model = Fitted.Value.Model;

        Assert.Equal(r.GetProperty("components").GetInt32(), model.ComponentCount);
        Assert.Equal(r.Double("explained_variance"), model.ExplainedVariance, 1e-12);
    }

    [Fact]
    public void Fit_Thresholds_MatchScikitLearnTo1e9()
    {
        var r = LabelFreeReference.Get("reconstruction");

        var model = Fitted.Value.Model;

        Assert.Equal(r.Double("lower_threshold"), model.LowerThreshold, 1e-9);
        Assert.Equal(r.Double("upper_threshold"), model.UpperThreshold, 1e-9);
        Assert.Equal(r.Double("outlier_threshold"), model.OutlierThreshold, 1e-9);
        Assert.Equal(6, model.ReferenceChunks);
    }

    [Fact]
    public void RowErrors_CurrentChunk_MatchScikitLearnTo1e9()
    {
        var r = LabelFreeReference.Get("reconstruction");
        var expected = r.GetProperty("current_errors").Doubles();

        var errors = Fitted.Value.Model.RowErrors(Fitted.Value.Current);

        Assert.Equal(expected.Length, errors.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], errors[i], 1e-9);
        }
    }

    [Fact]
    public void Evaluate_CorrelationFlip_AlertsAndCountsOutliersAsScikitLearn()
    {
        var r = LabelFreeReference.Get("reconstruction");

        var result = Fitted.Value.Model.Evaluate(Fitted.Value.Current);

        Assert.Equal(r.Double("current_mean_error"), result.MeanError, 1e-9);
        Assert.Equal(r.Double("current_sampling_error"), result.SamplingError, 1e-9);
        Assert.Equal(r.GetProperty("current_outliers").GetInt32(), result.OutlierCount);
        Assert.True(result.Alert);
        Assert.Equal(Math.Min(20, result.OutlierCount), result.Outliers.Count);
        Assert.True(result.Outliers.Zip(result.Outliers.Skip(1)).All(p => p.First.Error >= p.Second.Error));
    }

    [Fact]
    public void Evaluate_Outlier_ListsFeaturesHoldingItsError()
    {
        var result = Fitted.Value.Model.Evaluate(Fitted.Value.Current);

        var worst = result.Outliers[0];

        Assert.Equal(3, worst.UnusualFeatures.Count);
        Assert.True(worst.UnusualFeatures.Sum(f => f.Share) <= 1 + 1e-12);
        Assert.True(worst.UnusualFeatures[0].Share >= worst.UnusualFeatures[1].Share);

        // The correlation between a and b flipped, so they carry the error of the worst rows.
        Assert.Contains(worst.UnusualFeatures[0].Feature, new[] { "a", "b" });
    }

    [Fact]
    public void Evaluate_MissingColumn_ThrowsNamingIt()
    {
        var current = new Dataset("current.csv", [new DatasetColumn("a", ValueKind.Float, [1.0], null)]);

        var ex = Assert.Throws<DriftAnalysisException>(() => Fitted.Value.Model.Evaluate(current));

        Assert.Equal("current.csv: column 'b' not found.", ex.Message);
    }

    [Fact]
    public void Evaluate_NumericColumnGivenAsText_ThrowsNamingIt()
    {
        var current = new Dataset("current.csv", [new DatasetColumn("a", ValueKind.String, null, ["x"])]);
        var model = DataReconstructionDrift.Fit(
            new Dataset("reference.csv", [new DatasetColumn("a", ValueKind.Float, [1, 2, 3, 4], null)]), ["a"], new ReconstructionOptions { ChunkSize = 2 });

        var ex = Assert.Throws<DriftAnalysisException>(() => model.Evaluate(current));

        Assert.Equal("current.csv: column 'a' must be numerical as in the reference.", ex.Message);
    }

    [Fact]
    public void Fit_ConstantColumn_ReconstructsWithZeroError()
    {
        var reference = new Dataset("reference", [new DatasetColumn("k", ValueKind.Float, [5, 5, 5, 5], null)]);

        var model = DataReconstructionDrift.Fit(reference, ["k"], new ReconstructionOptions { ChunkSize = 2 });

        Assert.All(model.RowErrors(reference), e => Assert.Equal(0, e));
    }

    [Fact]
    public void Fit_TooFewRows_ThrowsNamingChunkSize()
    {
        var reference = new Dataset("reference.csv", [new DatasetColumn("a", ValueKind.Float, [1, 2, 3], null)]);

        var ex = Assert.Throws<DriftAnalysisException>(() => DataReconstructionDrift.Fit(reference, ["a"], new ReconstructionOptions { ChunkSize = 2 }));

        Assert.StartsWith("reference.csv: 3 rows make fewer than two reference chunks of 2", ex.Message, StringComparison.Ordinal);
    }
}
