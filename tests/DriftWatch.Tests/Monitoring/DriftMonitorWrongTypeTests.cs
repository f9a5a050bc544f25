using DriftWatch.Data;
using DriftWatch.Integrity;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Tests.Monitoring;

/// <summary>Wrong-type faults: rejected values attributed to their feature, reported once per evaluation interval.</summary>
public sealed class DriftMonitorWrongTypeTests
{
    private static readonly string[] Inputs = ["x", "c"];

    [Fact]
    public void Evaluate_WrongTypeSinceLastEvaluation_FaultWithShareOfValuesSent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var monitor = new DriftMonitor(Profile(), Inputs, timeProvider: time);
        Feed(monitor, 30);
        for (var i = 0; i < 10; i++)
        {
            monitor.RecordWrongType("x");
        }

        time.Advance(TimeSpan.FromSeconds(15));
        var snapshot = monitor.Evaluate();

        // 10 refused values of x against 30 served rows: 10 / (10 + 30) = 0.25.
        var fault = Assert.Single(snapshot.Integrity.Faults);
        Assert.Equal(IntegrityFaultKind.WrongType, fault.Kind);
        Assert.Equal(["x"], fault.Features);
        Assert.Equal(0.25, fault.Share, 12);
        Assert.Equal(0, fault.ReferenceShare);
        Assert.Equal("x: 10 values of the wrong type rejected since the last evaluation (15 s; 25.0 % of the values sent)", fault.Message);
        Assert.Equal(10, snapshot.Integrity.Features[0].WrongType);
    }

    [Fact]
    public void Evaluate_NoNewWrongType_FaultGoneCumulativeCountKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var monitor = new DriftMonitor(Profile(), Inputs, timeProvider: time);
        monitor.RecordWrongType("c");
        monitor.RecordWrongType("nope");
        Assert.Equal("c: 1 value of the wrong type rejected since the last evaluation (0 s; 100.0 % of the values sent)", Assert.Single(monitor.Evaluate().Integrity.Faults).Message);

        Feed(monitor, 10);
        time.Advance(TimeSpan.FromSeconds(15));
        var later = monitor.Evaluate();

        Assert.Empty(later.Integrity.Faults);
        Assert.Equal([0L, 1L], later.Integrity.Features.Select(f => f.WrongType));
    }

    [Fact]
    public void Evaluate_WrongTypeAndMissing_FaultsInKindOrder()
    {
        var monitor = new DriftMonitor(Profile(), Inputs, new DriftMonitorOptions { MinimumRows = 100 });
        Feed(monitor, 200, blankX: true);
        monitor.RecordWrongType("c");
        monitor.RecordWrongType("c");

        var faults = monitor.Evaluate().Integrity.Faults;

        Assert.Equal([IntegrityFaultKind.Missing, IntegrityFaultKind.WrongType], faults.Select(f => f.Kind));
        Assert.Equal(["x", "c"], faults.Select(f => f.Features[0]));
        Assert.Equal(2 / 202.0, faults[1].Share, 12);
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

    private static void Feed(DriftMonitor monitor, int rows, bool blankX = false)
    {
        var random = new Random(rows);
        var numbers = new double[rows * 2];
        var strings = new string?[rows * 2];
        var scores = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = random.NextDouble();
            numbers[r * 2] = blankX ? double.NaN : x;
            numbers[(r * 2) + 1] = double.NaN;
            strings[(r * 2) + 1] = random.NextDouble() < 0.3 ? "a" : "b";
            scores[r] = x / 2;
        }

        monitor.Observe(numbers, strings, rows, scores);
    }
}
