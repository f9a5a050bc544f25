using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Tests.TestData;

namespace DriftWatch.Serving.Tests.Monitoring;

public sealed class QualityWindowTests
{
    public static TheoryData<string, double[], double[], double[], double, double, double, double, double> Classification => QualityReference.Classification;

    public static TheoryData<string, double[], double[], double, double> Regression => QualityReference.Regression;

    [Theory]
    [MemberData(nameof(Classification))]
    public void Classification_AgainstSklearn_Agrees(string name, double[] label, double[] score, double[] actual, double accuracy, double precision, double recall, double f1, double auc)
    {
        var q = QualityWindow.Classification(label, score, actual);

        Assert.True(name.Length > 0);
        Assert.Equal(accuracy, q.Accuracy, 12);
        Assert.Equal(precision, q.Precision, 12);
        Assert.Equal(recall, q.Recall, 12);
        Assert.Equal(f1, q.F1, 12);
        Assert.Equal(auc, q.RocAuc, 12);
    }

    [Theory]
    [MemberData(nameof(Regression))]
    public void Regression_AgainstSklearn_Agrees(string name, double[] predicted, double[] actual, double mae, double rmse)
    {
        var q = QualityWindow.Regression(predicted, actual);

        Assert.True(name.Length > 0);
        Assert.Equal(mae, q.Mae, 10);
        Assert.Equal(rmse, q.Rmse, 10);
    }

    [Fact]
    public void RocAuc_OneClassOnly_NaN()
    {
        Assert.True(double.IsNaN(QualityWindow.RocAuc([0.1, 0.9], [1, 1])));
    }

    [Fact]
    public void Classification_NothingPredictedPositive_PrecisionZero()
    {
        var q = QualityWindow.Classification([0, 0], [0.1, 0.2], [1, 0]);

        Assert.Equal(0, q.Precision);
        Assert.Equal(0, q.F1);
        Assert.Equal(0.5, q.Accuracy);
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsLastN()
    {
        var window = new QualityWindow(ModelTask.BinaryClassification, capacity: 3);

        window.Add(new ModelOutput(1, 0.9), 0);
        window.Add(new ModelOutput(1, 0.9), 1);
        window.Add(new ModelOutput(0, 0.1), 0);
        window.Add(new ModelOutput(1, 0.8), 1);

        var q = window.Compute();
        Assert.Equal(3, q.Count);
        Assert.Equal(1.0, q.Accuracy);
    }

    [Fact]
    public void Compute_Empty_CountZeroAndNaN()
    {
        var q = new QualityWindow(ModelTask.Regression, 10).Compute();

        Assert.Equal(0, q.Count);
        Assert.True(double.IsNaN(q.Mae));
    }
}
