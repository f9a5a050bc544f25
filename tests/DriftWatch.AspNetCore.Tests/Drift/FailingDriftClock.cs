using System.Diagnostics;
using DriftWatch.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>
/// The service's clock (a <see cref="FakeTimeProvider"/>) that, while <see cref="Failing"/> is set, throws when
/// <see cref="DriftMonitor.Evaluate"/> reads it, so every drift evaluation fails and nothing else does.
/// </summary>
/// <remarks>
/// The clock is the drift monitor's one injected collaborator (a <see cref="TimeProvider"/> from the service's
/// container), and its read is the first thing an evaluation does, so a failing read stands for any fault inside an
/// evaluation. The data and options the service accepts do not make <see cref="DriftMonitor.Evaluate"/> throw: analysis
/// errors land in the snapshot's error instead. The failure is scoped by the call stack, not by thread or time: the
/// timer's callbacks and the continuations they complete share the thread that advances the clock, and requests and the
/// prediction writer read the same clock and must keep working.
/// </remarks>
internal sealed class FailingDriftClock(FakeTimeProvider inner) : TimeProvider
{
    private volatile bool _failing;

    /// <summary>Gets or sets a value indicating whether drift evaluations fail.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public void Advance(TimeSpan delta) => inner.Advance(delta);

    public override DateTimeOffset GetUtcNow()
    {
        if (_failing && InDriftEvaluation())
        {
            throw new InvalidOperationException("clock unavailable");
        }

        return inner.GetUtcNow();
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    private static bool InDriftEvaluation()
    {
        foreach (var frame in new StackTrace(skipFrames: 2, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType == typeof(DriftMonitor) && method.Name == nameof(DriftMonitor.Evaluate))
            {
                return true;
            }
        }

        return false;
    }
}
