using DriftWatch.Data;
using DriftWatch.Integrity;
using DriftWatch.Profiles;

namespace DriftWatch.Tests.Profiles;

public sealed class IntegrityCheckerTests
{
    private static readonly ReferenceProfile Profile = BuildProfile();

    [Fact]
    public void FindFaults_ColumnsSwapped_NamesBothFeatures()
    {
        var window = Window(2_000, seed: 2, swap: true);

        var faults = IntegrityChecker.FindFaults(Profile, window, 0.01, 0.5, 1.0 / 3);

        var fault = faults[0];
        Assert.Equal(IntegrityFaultKind.SwappedColumns, fault.Kind);
        Assert.Equal(["age", "ratio"], fault.Features);
        Assert.All(faults.Skip(1), f =>
        {
            Assert.Equal(IntegrityFaultKind.OutOfRange, f.Kind);
            Assert.Contains(f.Features[0], new[] { "age", "ratio" });
        });
    }

    [Fact]
    public void FindFaults_SameDistribution_NoFault()
    {
        var window = Window(2_000, seed: 3);

        var faults = IntegrityChecker.FindFaults(Profile, window, 0.01, 0.5, 1.0 / 3);
        var counts = IntegrityChecker.Count(Profile, window);

        Assert.Empty(faults);
        Assert.All(counts, c =>
        {
            Assert.Equal(0, c[0]);
            Assert.InRange(c[1], 0, 5);
            Assert.Equal(0, c[2]);
        });
    }

    [Fact]
    public void FindFaults_OneFeatureShiftedFar_NotCalledSwapped()
    {
        var window = Window(2_000, seed: 4, ageOffset: 200);

        var faults = IntegrityChecker.FindFaults(Profile, window, 0.01, 0.5, 1.0 / 3);

        Assert.DoesNotContain(faults, f => f.Kind == IntegrityFaultKind.SwappedColumns);
        Assert.Contains(faults, f => f.Kind == IntegrityFaultKind.OutOfRange && f.Features[0] == "age");
    }

    [Fact]
    public void FindFaults_BlankAndUnseen_CountedPerFeature()
    {
        var window = Window(1_000, seed: 5, blankEvery: 5, unseenEvery: 20);

        var faults = IntegrityChecker.FindFaults(Profile, window, 0.01, 0.5, 1.0 / 3);
        var counts = IntegrityChecker.Count(Profile, window);

        var missing = Assert.Single(faults, f => f.Kind == IntegrityFaultKind.Missing);
        Assert.Equal(["score"], missing.Features);
        Assert.Equal(0.2, missing.Share, 12);
        var unseen = Assert.Single(faults, f => f.Kind == IntegrityFaultKind.UnseenCategory);
        Assert.Equal(["kind"], unseen.Features);
        Assert.Equal(200, counts[2][0]);
        Assert.Equal(50, counts[3][2]);
    }

    [Fact]
    public void BinnedKs_ReferenceItself_IsZeroAtEdges()
    {
        var data = Window(5_000, seed: 1);
        var profile = ReferenceProfile.Build(data);

        var d = IntegrityChecker.BinnedKs(data.Columns[0].Numbers!, profile.Features[0]);

        Assert.Equal(0, d, 12);
    }

    private static ReferenceProfile BuildProfile() => ReferenceProfile.Build(Window(5_000, seed: 1));

    private static Dataset Window(int n, int seed, bool swap = false, double ageOffset = 0, int blankEvery = 0, int unseenEvery = 0)
    {
        var random = new Random(seed);
        var age = new double[n];
        var ratio = new double[n];
        var score = new double[n];
        var kind = new string?[n];
        for (var i = 0; i < n; i++)
        {
            age[i] = Math.Round(40 + (10 * Normal(random))) + ageOffset;
            ratio[i] = Math.Round(random.NextDouble() * 0.8, 3);
            score[i] = blankEvery > 0 && i % blankEvery == 0 ? double.NaN : random.NextDouble();
            kind[i] = unseenEvery > 0 && i % unseenEvery == 0 ? "new" : random.NextDouble() < 0.3 ? "x" : "y";
        }

        if (swap)
        {
            (age, ratio) = (ratio, age);
        }

        return new Dataset("w", [
            new DatasetColumn("age", ValueKind.Float, age, null),
            new DatasetColumn("ratio", ValueKind.Float, ratio, null),
            new DatasetColumn("score", ValueKind.Float, score, null),
            new DatasetColumn("kind", ValueKind.String, null, kind),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
