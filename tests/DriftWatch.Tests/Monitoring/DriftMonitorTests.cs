using DriftWatch.Data;
using DriftWatch.Integrity;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Tests.Monitoring;

public sealed class DriftMonitorTests
{
    private static readonly string[] Inputs = ["x", "c"];

    [Fact]
    public void Evaluate_FewerRowsThanMinimum_NoDriftSectionYet()
    {
        var monitor = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 });
        Feed(monitor, 50, seed: 1);

        var snapshot = monitor.Evaluate();

        Assert.Null(snapshot.Features);
        Assert.Equal(50, snapshot.WindowRows);
        Assert.Equal(1, snapshot.Sequence);
        Assert.Same(snapshot, monitor.Latest);
    }

    [Fact]
    public void Evaluate_ShiftedFeature_DetectedThroughAnalyzer()
    {
        var monitor = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 });
        Feed(monitor, 1_000, seed: 2, shift: 3);

        var snapshot = monitor.Evaluate();

        Assert.NotNull(snapshot.Features);
        Assert.Equal(["x"], snapshot.DriftedFeatures);
        Assert.Equal(2, snapshot.Features.DatasetDrift.Columns);
        Assert.True(snapshot.DatasetDriftDetected);
        Assert.True(snapshot.PredictionDrift!.Result.Detected);
    }

    [Fact]
    public void Evaluate_ConfiguredMethod_UsedForThatFeatureOnly()
    {
        var options = new DriftMonitorOptions { MinimumRows = 100, FeatureMethods = { ["x"] = "psi" } };
        var monitor = new DriftMonitor(Profile(), Inputs, options);
        Feed(monitor, 1_000, seed: 3);

        var report = monitor.Evaluate().Features!;

        Assert.Equal("psi", Assert.Single(report.Columns, c => c.Column == "x").Result.Method);
        Assert.NotEqual("psi", Assert.Single(report.Columns, c => c.Column == "c").Result.Method);
        Assert.Equal(["x", "c"], report.Columns.Select(c => c.Column));
    }

    [Fact]
    public void Observe_MissingUnseenOutOfRange_CountedCumulatively()
    {
        var monitor = new DriftMonitor(Profile(), Inputs);

        monitor.Observe([double.NaN, double.NaN, 1e9, double.NaN, 0.5, double.NaN], [null, null, null, "zzz", null, "a"], 3, [0.1, 0.2, 0.3]);
        monitor.RecordWrongType("x");
        monitor.RecordWrongType("nope");
        var counters = monitor.ReadCounters();

        Assert.Equal(3, counters.Rows);
        var x = counters.Features[0];
        Assert.Equal((1L, 1L, 0L, 1L), (x.Missing, x.OutOfRange, x.UnseenCategory, x.WrongType));
        Assert.Equal(2, x.Bins.Sum());
        var c = counters.Features[1];
        Assert.Equal((1L, 1L), (c.Missing, c.UnseenCategory));
        Assert.Equal(1, c.Bins[^1]);
        Assert.Equal(1, c.Bins[0]);
    }

    [Fact]
    public void ObserveOutcome_ErrorsAboveFloor_QualitySignal()
    {
        var monitor = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { AccuracyFloor = 0.8, MinimumLabelled = 10, QualityWindow = 50 });

        for (var i = 0; i < 100; i++)
        {
            monitor.ObserveOutcome(1, i % 10 < 9 ? 1 : 0);
        }

        var healthy = monitor.Evaluate().Quality;
        for (var i = 0; i < 50; i++)
        {
            monitor.ObserveOutcome(1, i % 2);
        }

        var degraded = monitor.Evaluate();
        Assert.Equal(0.9, healthy.Accuracy, 12);
        Assert.False(healthy.BelowFloor);
        Assert.Equal(0.5, degraded.Quality.Accuracy, 12);
        Assert.True(degraded.Quality.BelowFloor);
        Assert.Equal(150, degraded.Concept.Outcomes);
        Assert.Equal("adwin", degraded.Concept.Detector);
    }

    [Fact]
    public void ObserveOutcome_ErrorRateJumps_DetectorFires()
    {
        var monitor = new DriftMonitor(Profile(), Inputs);
        var random = new Random(4);

        for (var i = 0; i < 2_000; i++)
        {
            monitor.ObserveOutcome(1, random.NextDouble() < (i < 1_000 ? 0.9 : 0.4) ? 1 : 0);
        }

        var concept = monitor.Evaluate().Concept;
        Assert.True(concept.Detections >= 1);
        Assert.InRange(concept.LastDetectionOutcome, 1_000, 1_999);
    }

    [Fact]
    public void RestoreState_AfterRestart_SameWindowAndDetector()
    {
        var time = new FakeTimeProvider();
        var before = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 }, time);
        Feed(before, 700, seed: 5, shift: 2);
        for (var i = 0; i < 300; i++)
        {
            before.ObserveOutcome(1, i % 3 == 0 ? 0 : 1);
        }

        var saved = before.SaveState();
        var after = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 }, time);
        after.RestoreState(saved);
        for (var i = 0; i < 50; i++)
        {
            before.ObserveOutcome(0, 0);
            after.ObserveOutcome(0, 0);
        }

        var a = before.Evaluate();
        var b = after.Evaluate();
        Assert.Equal(a.WindowRows, b.WindowRows);
        Assert.Equal(a.DriftedFeatures, b.DriftedFeatures);
        Assert.Equal(a.Features!.Columns.Select(c => c.Result.Score), b.Features!.Columns.Select(c => c.Result.Score));
        Assert.Equal(a.Quality, b.Quality);
        Assert.Equal(a.Concept with { LastDetection = null }, b.Concept with { LastDetection = null });
        Assert.Equal(saved.Length > 0, after.SaveState().Length > 0);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public void RestoreState_Garbage_ThrowsFormatException(string json)
    {
        var monitor = new DriftMonitor(Profile(), Inputs);

        Assert.Throws<FormatException>(() => monitor.RestoreState(json));
    }

    [Fact]
    public void Ctor_UnknownDetector_ThrowsNamingOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { Detector = "crystal-ball" }));

        Assert.Contains("Detector", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_BadOption_ThrowsNamingOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 0 }));

        Assert.Contains("MinimumRows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_IntervalElapses_EvaluatesEveryMonitor()
    {
        var time = new FakeTimeProvider();
        var monitors = new[] { new DriftMonitor(Profile(), Inputs, null, time), new DriftMonitor(Profile(), Inputs, null, time) };
        using var timer = new DriftEvaluationTimer(() => monitors, TimeSpan.FromSeconds(15), time);

        time.Advance(TimeSpan.FromSeconds(14));
        var beforeTick = monitors.Select(m => m.Latest.Sequence).ToArray();
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal([0L, 0L], beforeTick);
        Assert.All(monitors, m => Assert.Equal(2, m.Latest.Sequence));
        Assert.Equal(2, timer.Runs);
        Assert.Equal(0, timer.Failures);
    }

    [Fact]
    public void Evaluate_BlankColumnInWindow_IntegrityFaultNamed()
    {
        var monitor = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 });
        Feed(monitor, 600, seed: 6, blankX: true);

        var snapshot = monitor.Evaluate();

        var fault = Assert.Single(snapshot.Integrity.Faults);
        Assert.Equal(IntegrityFaultKind.Missing, fault.Kind);
        Assert.Equal(["x"], fault.Features);
        Assert.Equal(600, snapshot.Integrity.Features[0].WindowMissing);
    }

    private static ReferenceProfile Profile()
    {
        var random = new Random(0);
        var x = Enumerable.Range(0, 2_000).Select(_ => random.NextDouble()).ToArray();
        var c = Enumerable.Range(0, 2_000).Select(_ => random.NextDouble() < 0.3 ? "a" : "b").ToArray();
        return ReferenceProfile.Build(
            new Dataset("ref", [new DatasetColumn("x", ValueKind.Float, x, null), new DatasetColumn("c", ValueKind.String, null, c)]),
            predictions: x.Select(v => v / 2).ToArray());
    }

    private static void Feed(DriftMonitor monitor, int rows, int seed, double shift = 0, bool blankX = false)
    {
        var random = new Random(seed);
        var numbers = new double[rows * 2];
        var strings = new string?[rows * 2];
        var scores = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = random.NextDouble() + shift;
            numbers[r * 2] = blankX ? double.NaN : x;
            numbers[(r * 2) + 1] = double.NaN;
            strings[(r * 2) + 1] = random.NextDouble() < 0.3 ? "a" : "b";
            scores[r] = x / 2;
        }

        monitor.Observe(numbers, strings, rows, scores);
    }
}
