using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Tests.Generation;

public sealed class CreditRiskGeneratorTests
{
    private const int N = 20_000;

    [Fact]
    public void Generate_SameSeed_SameRows()
    {
        var a = new CreditRiskGenerator(7).Generate(500);
        var b = new CreditRiskGenerator(7).Generate(500);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentRows()
    {
        var a = new CreditRiskGenerator(7).Generate(50);
        var b = new CreditRiskGenerator(8).Generate(50);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Generate_None_DefaultRateNearTwentyPercent()
    {
        var rows = new CreditRiskGenerator(1).Generate(N);

        var rate = rows.Average(r => r.Label);
        var meanProbability = rows.Average(r => r.DefaultProbability);

        Assert.InRange(rate, 0.15, 0.25);
        Assert.InRange(meanProbability, 0.15, 0.25);
    }

    [Fact]
    public void Generate_None_ValuesInPlausibleRanges()
    {
        var rows = new CreditRiskGenerator(2).Generate(N);

        Assert.All(rows, r =>
        {
            Assert.InRange(r.Age, 18, 85);
            Assert.Equal(Math.Round(r.Age), r.Age);
            Assert.InRange(r.Income, 1_000, 2_000_000);
            Assert.InRange(r.DebtToIncome, 0, 1);
            Assert.InRange(r.CreditHistoryMonths, 0, (r.Age - 18) * 12);
            Assert.InRange(r.NumOpenAccounts, 0, 30);
            Assert.InRange(r.LoanAmount, 500, 1_000_000);
            Assert.Contains(r.EmploymentType, CreditRiskSchema.EmploymentTypes);
            Assert.Contains(r.DeviceType, CreditRiskSchema.DeviceTypes);
            Assert.InRange(r.DefaultProbability, 0, 1);
        });
        Assert.InRange(rows.Count(r => r.EmploymentType == "salaried") / (double)N, 0.60, 0.64);
        Assert.InRange(rows.Count(r => r.DeviceType == "mobile") / (double)N, 0.38, 0.42);
    }

    [Fact]
    public void Generate_None_LabelRuleSeparatesClasses()
    {
        var rows = new CreditRiskGenerator(3).Generate(N);

        // The Bayes classifier (p > 0.5) must beat the majority class by a clear margin.
        var bayes = rows.Average(r => (r.DefaultProbability > 0.5 ? 1 : 0) == r.Label ? 1.0 : 0.0);
        var majority = 1 - rows.Average(r => r.Label);

        Assert.True(bayes > majority + 0.02, $"Bayes accuracy {bayes:F3} vs majority {majority:F3}");
    }

    [Fact]
    public void Next_ConceptDrift_SameInputsNewLabels()
    {
        var none = new CreditRiskGenerator(4).Generate(N);
        var drifted = new CreditRiskGenerator(4).Generate(N, DriftScenario.ConceptDrift);

        var oldRuleAccuracyBefore = none.Average(r => (r.DefaultProbability > 0.5 ? 1 : 0) == r.Label ? 1.0 : 0.0);
        var oldRuleAccuracyAfter = none.Zip(drifted).Average(p => (p.First.DefaultProbability > 0.5 ? 1 : 0) == p.Second.Label ? 1.0 : 0.0);

        Assert.All(none.Zip(drifted), p => Assert.Equal(p.First.ToFeatures(), p.Second.ToFeatures()));
        Assert.True(oldRuleAccuracyAfter < oldRuleAccuracyBefore - 0.1, $"{oldRuleAccuracyBefore:F3} -> {oldRuleAccuracyAfter:F3}");
        Assert.InRange(drifted.Average(r => r.Label), 0.25, 0.40);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Next_GradualConceptDrift_MixesRulesByProgress(double progress)
    {
        var none = new CreditRiskGenerator(5).Generate(200);
        var concept = new CreditRiskGenerator(5).Generate(200, DriftScenario.ConceptDrift);
        var gradual = new CreditRiskGenerator(5).Generate(200, DriftScenario.GradualConceptDrift, progress);

        for (var i = 0; i < gradual.Count; i++)
        {
            var expected = ((1 - progress) * none[i].DefaultProbability) + (progress * concept[i].DefaultProbability);
            Assert.Equal(expected, gradual[i].DefaultProbability, 12);
        }
    }

    [Fact]
    public void Next_CovariateShift_NewMarketOtherFeaturesUnchanged()
    {
        var none = new CreditRiskGenerator(6).Generate(N);
        var shifted = new CreditRiskGenerator(6).Generate(N, DriftScenario.CovariateShift);

        Assert.True(shifted.Average(r => r.Age) < none.Average(r => r.Age) - 7);
        Assert.InRange(Median(shifted.Select(r => r.Income)) / Median(none.Select(r => r.Income)), 0.55, 0.65);
        Assert.True(shifted.Average(r => r.CreditHistoryMonths) < none.Average(r => r.CreditHistoryMonths));
        Assert.InRange(Median(shifted.Select(r => r.LoanAmount)) / Median(none.Select(r => r.LoanAmount)), 0.65, 0.75);
        Assert.InRange(shifted.Count(r => r.DeviceType == "mobile") / (double)N, 0.63, 0.67);
        Assert.All(none.Zip(shifted), p =>
        {
            Assert.Equal(p.First.DebtToIncome, p.Second.DebtToIncome);
            Assert.Equal(p.First.NumOpenAccounts, p.Second.NumOpenAccounts);
            Assert.Equal(p.First.EmploymentType, p.Second.EmploymentType);
        });
        Assert.Equal(5, CreditRiskGenerator.ShiftedFeatures(DriftScenario.CovariateShift).Count);
    }

    [Theory]
    [InlineData(0.0, 0.40)]
    [InlineData(0.25, 0.75)]
    [InlineData(0.75, 0.05)]
    public void Next_SeasonalDevice_MobileShareFollowsTimeOfDay(double progress, double expectedMobile)
    {
        var rows = new CreditRiskGenerator(8).Generate(N, DriftScenario.SeasonalDevice, progress);

        var mobile = rows.Count(r => r.DeviceType == "mobile") / (double)N;

        Assert.Equal(expectedMobile, mobile, 0.015);
    }

    [Fact]
    public void Next_SwappedColumns_AgeAndDebtToIncomeExchanged()
    {
        var none = new CreditRiskGenerator(9).Generate(1000);
        var swapped = new CreditRiskGenerator(9).Generate(1000, DriftScenario.SwappedColumns);

        Assert.All(none.Zip(swapped), p =>
        {
            Assert.Equal(p.First.Age, p.Second.DebtToIncome);
            Assert.Equal(p.First.DebtToIncome, p.Second.Age);
            Assert.Equal(p.First.Label, p.Second.Label);
            Assert.Equal(p.First.Income, p.Second.Income);
        });
    }

    [Fact]
    public void Next_BlankField_IncomeMissingInAboutThirtyPercent()
    {
        var rows = new CreditRiskGenerator(10).Generate(N, DriftScenario.BlankField);

        var blank = rows.Count(r => double.IsNaN(r.Income)) / (double)N;

        Assert.Equal(CreditRiskGenerator.BlankShare, blank, 0.015);
        Assert.All(rows, r => Assert.False(double.IsNaN(r.Age) || double.IsNaN(r.LoanAmount) || r.EmploymentType is null));
        Assert.All(rows.Where(r => double.IsNaN(r.Income)), r => Assert.Null(r.ToFeatures()[CreditRiskSchema.Income]));
    }

    [Fact]
    public void Next_Outliers_FivePercentOfRowsFarOutOfRange()
    {
        var none = new CreditRiskGenerator(11).Generate(N);
        var outliers = new CreditRiskGenerator(11).Generate(N, DriftScenario.Outliers);

        var changed = none.Zip(outliers).Count(p => p.First != p.Second);
        var extreme = outliers.Count(r => r.Age > 85 || r.Income > 1_500_000 || r.DebtToIncome > 1 || r.CreditHistoryMonths > 2_400
            || r.NumOpenAccounts > 60 || r.LoanAmount > 600_000);

        Assert.Equal(CreditRiskGenerator.OutlierShare, changed / (double)N, 0.006);
        Assert.Equal(changed, extreme);
    }

    [Fact]
    public void Next_CorrelationShift_CorrelationFlipsMarginalsUnchanged()
    {
        var none = new CreditRiskGenerator(12).Generate(N);
        var shifted = new CreditRiskGenerator(13).Generate(N, DriftScenario.CorrelationShift);

        var before = Pearson(none.Select(r => Math.Log(r.Income)), none.Select(r => Math.Log(r.LoanAmount)));
        var after = Pearson(shifted.Select(r => Math.Log(r.Income)), shifted.Select(r => Math.Log(r.LoanAmount)));

        Assert.True(before > 0.3, $"before {before:F3}");
        Assert.True(after < -0.3, $"after {after:F3}");

        // Two-sample KS statistic below the 1% critical value 1.63 * sqrt(2 / n) for every numeric feature.
        var critical = 1.63 * Math.Sqrt(2.0 / N);
        foreach (var feature in CreditRiskSchema.NumericFeatures)
        {
            var d = KsStatistic(none.Select(r => r.GetNumber(feature)), shifted.Select(r => r.GetNumber(feature)));
            Assert.True(d < critical, $"{feature}: D = {d:F4} >= {critical:F4}");
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Next_ProgressOutsideUnitInterval_Throws(double progress)
    {
        var generator = new CreditRiskGenerator(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Next(DriftScenario.SeasonalDevice, progress));
    }

    [Fact]
    public void ToDataset_WithLabel_HasSchemaColumnsAndLabel()
    {
        var rows = new CreditRiskGenerator(14).Generate(100, DriftScenario.BlankField);

        var dataset = CreditRiskGenerator.ToDataset(rows, includeLabel: true);

        Assert.Equal([.. CreditRiskSchema.Features, CreditRiskSchema.Label], dataset.Columns.Select(c => c.Name));
        Assert.Equal(100, dataset.RowCount);
        Assert.Equal(rows.Select(r => (double)r.Label), dataset.Find(CreditRiskSchema.Label)!.Numbers!);
        Assert.Equal(rows.Count(r => double.IsNaN(r.Income)), dataset.Find(CreditRiskSchema.Income)!.Numbers!.Count(double.IsNaN));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double Pearson(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double KsStatistic(IEnumerable<double> a, IEnumerable<double> b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (j < y.Length && y[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / (double)x.Length) - (j / (double)y.Length)));
        }

        return d;
    }
}
