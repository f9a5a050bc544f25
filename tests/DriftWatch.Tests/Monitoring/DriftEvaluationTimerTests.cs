using DriftWatch.Data;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Tests.Monitoring;

/// <summary>The evaluation timer when monitors throw: each failure is counted and reported, the other monitors are still
/// evaluated, and the timer keeps ticking.</summary>
public sealed class DriftEvaluationTimerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly string[] Inputs = ["x"];
    private static readonly ReferenceProfile Reference = ReferenceProfile.Build(
        new Dataset("ref", [new DatasetColumn("x", ValueKind.Float, [.. Enumerable.Range(0, 200).Select(i => i / 200.0)], null)]));

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Tick_OneMonitorThrows_OthersEvaluatedFailureReportedAndNextTickRetries()
    {
        var clock = new BreakableClock(_time);
        var (first, broken, last) = (Monitor(_time), Monitor(clock), Monitor(_time));
        var reported = new List<(DriftMonitor Monitor, Exception Exception)>();
        using var timer = new DriftEvaluationTimer(() => [first, broken, last], Interval, _time, (m, ex) => reported.Add((m, ex)));
        clock.Broken = true;

        _time.Advance(Interval);
        _time.Advance(Interval);

        Assert.Equal(2, timer.Failures);
        Assert.Equal(2, timer.Runs);
        Assert.Equal([2L, 0L, 2L], [first.Latest.Sequence, broken.Latest.Sequence, last.Latest.Sequence]);
        Assert.Equal(2, reported.Count);
        Assert.All(reported, r =>
        {
            Assert.Same(broken, r.Monitor);
            Assert.Equal("clock unavailable", Assert.IsType<InvalidOperationException>(r.Exception).Message);
        });

        clock.Broken = false;
        _time.Advance(Interval);

        Assert.Equal(2, timer.Failures);
        Assert.Equal(1, broken.Latest.Sequence);
        Assert.Equal(_time.GetUtcNow(), broken.Latest.EvaluatedAt);
    }

    [Fact]
    public void Tick_ErrorCallbackThrows_NothingEscapesTheTimerAndOtherMonitorsRun()
    {
        var clock = new BreakableClock(_time) { Broken = false };
        var (broken, healthy) = (Monitor(clock), Monitor(_time));
        using var timer = new DriftEvaluationTimer(
            () => [broken, healthy], Interval, _time, (_, _) => throw new InvalidOperationException("logging provider down"));
        clock.Broken = true;

        var escaped = Record.Exception(() =>
        {
            _time.Advance(Interval);
            _time.Advance(Interval);
        });

        Assert.Null(escaped);
        Assert.Equal(2, timer.Failures);
        Assert.Equal(2, timer.Runs);
        Assert.Equal(2, healthy.Latest.Sequence);
    }

    private static DriftMonitor Monitor(TimeProvider clock) =>
        new(Reference, Inputs, new DriftMonitorOptions { EvaluationInterval = Interval }, clock);

    /// <summary>The test's clock, which throws when read while <see cref="Broken"/> is set: the monitor's one collaborator,
    /// read first by <see cref="DriftMonitor.Evaluate"/>.</summary>
    private sealed class BreakableClock(FakeTimeProvider inner) : TimeProvider
    {
        public bool Broken { get; set; }

        public override DateTimeOffset GetUtcNow() =>
            Broken ? throw new InvalidOperationException("clock unavailable") : inner.GetUtcNow();
    }
}
