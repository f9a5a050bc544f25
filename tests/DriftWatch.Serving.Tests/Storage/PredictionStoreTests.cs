using System.Text;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;

namespace DriftWatch.Serving.Tests.Storage;

/// <summary>The store contract, run against every engine by the derived classes.</summary>
public abstract partial class PredictionStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IPredictionStore?> CreateStoreAsync();

    [Fact]
    public async Task WritePredictions_ThenFind_ReturnsInputsAndOutput()
    {
        await using var store = await CreateOrSkipAsync();

        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", new ModelOutput(1, 0.75))]);
        var found = await store.FindPredictionAsync("a");

        Assert.NotNull(found);
        Assert.Equal("m", found.Model);
        Assert.Equal("7", found.ModelVersion);
        Assert.Equal(T0, found.Timestamp);
        Assert.Equal("""{"age":41,"device":"mobile"}""", found.InputsJson);
        Assert.Equal(new ModelOutput(1, 0.75), found.Output);
        Assert.Null(found.Actual);
    }

    [Fact]
    public async Task WritePredictions_MissingValues_StoredAsNull()
    {
        await using var store = await CreateOrSkipAsync();

        await store.WritePredictionsAsync([Pending("a", T0, double.NaN, null, new ModelOutput(0, 0.1))]);

        Assert.Equal("""{"age":null,"device":null}""", (await store.FindPredictionAsync("a"))!.InputsJson);
    }

    [Fact]
    public async Task RecordFeedback_FirstLabel_StoredAndReturnsPrediction()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", new ModelOutput(1, 0.75))]);

        var outcomes = await store.RecordFeedbackAsync("m", [new FeedbackItem("a", 0)], T0.AddHours(1));

        Assert.Equal([new FeedbackOutcome(FeedbackStatus.Stored, new ModelOutput(1, 0.75), T0, 0, "7")], outcomes);
        Assert.Equal(0, (await store.FindPredictionAsync("a"))!.Actual);
    }

    [Fact]
    public async Task RecordFeedback_SameLabelAgain_DuplicateAndUnchanged()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", new ModelOutput(1, 0.75))]);
        await store.RecordFeedbackAsync("m", [new FeedbackItem("a", 1)], T0);

        var outcomes = await store.RecordFeedbackAsync("m", [new FeedbackItem("a", 1)], T0);

        Assert.Equal(FeedbackStatus.Duplicate, outcomes[0].Status);
        Assert.Equal((1L, 1L), await store.CountAsync());
    }

    [Fact]
    public async Task RecordFeedback_DifferentLabelAgain_ConflictKeepsFirstAndRollsBackBatch()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", default), Pending("b", T0, 42, "mobile", default)]);
        await store.RecordFeedbackAsync("m", [new FeedbackItem("a", 1)], T0);

        var outcomes = await store.RecordFeedbackAsync("m", [new FeedbackItem("b", 1), new FeedbackItem("a", 0)], T0);

        Assert.Equal(FeedbackStatus.Conflict, outcomes[1].Status);
        Assert.Equal(1, outcomes[1].StoredActual);
        Assert.Equal(1, (await store.FindPredictionAsync("a"))!.Actual);
        Assert.Null((await store.FindPredictionAsync("b"))!.Actual);
    }

    [Fact]
    public async Task RecordFeedback_UnknownIdOrOtherModel_UnknownAndNothingStored()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", default)]);

        var outcomes = await store.RecordFeedbackAsync("m", [new FeedbackItem("a", 1), new FeedbackItem("zzz", 1)], T0);
        var otherModel = await store.RecordFeedbackAsync("other", [new FeedbackItem("a", 1)], T0);

        Assert.Equal([FeedbackStatus.Stored, FeedbackStatus.UnknownId], outcomes.Select(o => o.Status));
        Assert.Equal(FeedbackStatus.UnknownId, otherModel[0].Status);
        Assert.Equal((1L, 0L), await store.CountAsync());
    }

    [Fact]
    public async Task RecordFeedback_ConcurrentSameId_ExactlyOneStored()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", default)]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.RecordFeedbackAsync("m", [new FeedbackItem("a", 1)], T0)));

        Assert.Equal(1, results.Count(r => r[0].Status == FeedbackStatus.Stored));
        Assert.Equal(7, results.Count(r => r[0].Status == FeedbackStatus.Duplicate));
    }

    [Fact]
    public async Task Prune_BeyondRowBudget_DeletesOldestWithLabels()
    {
        await using var store = await CreateOrSkipAsync();
        var rows = Enumerable.Range(0, 10).Select(i => Pending($"p{i}", T0.AddMinutes(i), i, "x", default)).ToList();
        await store.WritePredictionsAsync(rows);
        await store.RecordFeedbackAsync("m", [new FeedbackItem("p0", 1), new FeedbackItem("p9", 1)], T0);

        var deleted = await store.PruneAsync(maxRows: 4, olderThan: T0.AddDays(-1));

        Assert.Equal(6, deleted);
        Assert.Equal((4L, 1L), await store.CountAsync());
        Assert.Null(await store.FindPredictionAsync("p5"));
        Assert.NotNull(await store.FindPredictionAsync("p6"));
    }

    [Fact]
    public async Task Prune_OlderThan_DeletesByAge()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([.. Enumerable.Range(0, 10).Select(i => Pending($"p{i}", T0.AddMinutes(i), i, "x", default))]);

        var deleted = await store.PruneAsync(maxRows: 1000, olderThan: T0.AddMinutes(3));

        Assert.Equal(3, deleted);
    }

    [Fact]
    public async Task State_PutGetReplaceDelete_RoundTrips()
    {
        await using var store = await CreateOrSkipAsync();

        await store.PutStateAsync("reference/m", Encoding.UTF8.GetBytes("one"));
        await store.PutStateAsync("reference/m", Encoding.UTF8.GetBytes("two"));
        var value = await store.GetStateAsync("reference/m");
        var deleted = await store.DeleteStateAsync("reference/m");

        Assert.Equal("two", Encoding.UTF8.GetString(value!));
        Assert.True(deleted);
        Assert.Null(await store.GetStateAsync("reference/m"));
    }

    [Fact]
    public async Task Ping_OpenStore_True()
    {
        await using var store = await CreateOrSkipAsync();

        Assert.True(await store.PingAsync());
    }

    internal static PendingPrediction Pending(string id, DateTimeOffset time, double age, string? device, ModelOutput output)
    {
        var batch = new FeatureBatch(TestModel.Schema, 1);
        batch.SetNumber(0, 0, age);
        batch.SetString(0, 1, device);
        return new PendingPrediction(id, TestModel.Instance, time, batch, 0, output);
    }

    private async Task<IPredictionStore> CreateOrSkipAsync()
    {
        var store = await CreateStoreAsync();
        Assert.SkipWhen(store is null, "PostgreSQL server binaries (initdb, pg_ctl) are not installed");
        await store.InitializeAsync();
        return store;
    }
}
