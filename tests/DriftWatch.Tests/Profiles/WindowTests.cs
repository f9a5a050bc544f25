using DriftWatch.Data;
using DriftWatch.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Tests.Profiles;

public sealed class WindowTests
{
    private static readonly ReferenceProfile Profile = ReferenceProfile.Build(new Dataset("t", [
        new DatasetColumn("x", ValueKind.Float, [.. Enumerable.Range(1, 100).Select(i => (double)i)], null),
        new DatasetColumn("c", ValueKind.String, null, [.. Enumerable.Range(1, 100).Select(i => i % 2 == 0 ? "even" : "odd")]),
    ]));

    [Fact]
    public void CountWindow_MoreRowsThanCapacity_KeepsLastRowsOldestFirst()
    {
        var window = new CountWindow(Profile.Features, capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            window.SetNumber(0, i);
            window.SetString(1, i % 2 == 0 ? "even" : null);
            window.Commit(i / 10.0);
        }

        var copy = window.Copy();
        Assert.Equal(3, window.Count);
        Assert.Equal([3.0, 4.0, 5.0], copy.Rows.Columns[0].Numbers!);
        Assert.Equal([null, "even", null], copy.Rows.Columns[1].Strings!);
        Assert.Equal([0.3, 0.4, 0.5], copy.Predictions);
    }

    [Fact]
    public void CountWindow_Load_RestoresCopy()
    {
        var window = new CountWindow(Profile.Features, capacity: 4);
        for (var i = 1; i <= 6; i++)
        {
            window.SetNumber(0, i);
            window.SetString(1, "odd");
            window.Commit(i);
        }

        var copy = window.Copy();
        var restored = new CountWindow(Profile.Features, capacity: 4);

        restored.Load(copy.Rows, copy.Predictions);

        Assert.Equal(copy.Rows.Columns[0].Numbers!, restored.Copy().Rows.Columns[0].Numbers!);
        Assert.Equal(copy.Predictions, restored.Copy().Predictions);
    }

    [Fact]
    public void TimeWindow_OldBuckets_DropOutOfMerge()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var window = new TimeWindow(Profile.Features, TimeSpan.FromMinutes(1), 3, time.GetUtcNow());

        for (var minute = 0; minute < 5; minute++)
        {
            window.Advance(time.GetUtcNow());
            for (var k = 0; k <= minute; k++)
            {
                window.Add(0, 0);
                window.AddRow();
            }

            if (minute < 4)
            {
                time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var (counts, rows) = window.Merge(time.GetUtcNow());

        // Minutes 2, 3 and 4 hold 3 + 4 + 5 rows.
        Assert.Equal(12, rows);
        Assert.Equal(12, counts[0][0]);
    }

    [Fact]
    public void TimeWindow_LongSilence_MergesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var window = new TimeWindow(Profile.Features, TimeSpan.FromMinutes(1), 3, time.GetUtcNow());
        window.Add(1, -1);
        window.AddRow();

        time.Advance(TimeSpan.FromHours(2));
        var (counts, rows) = window.Merge(time.GetUtcNow());

        Assert.Equal(0, rows);
        Assert.All(counts[1], c => Assert.Equal(0, c));
    }
}
