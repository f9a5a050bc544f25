using System.Globalization;
using System.Text.Json.Nodes;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;

namespace DriftWatch.Serving.Tests.Storage;

/// <content>Batches as the writer sends them: sizes around the statement size and MaxBatch, odd values, repeated ids.</content>
public abstract partial class PredictionStoreTests
{
    public static TheoryData<int, int> BatchSizes => new()
    {
        { 1, 1 },
        { 1, 64 },
        { 63, 64 },
        { 64, 64 },
        { 65, 64 },
        { 130, 64 },
        { 7, 3 },
        { PredictionWriter.MaxBatch - 1, 64 },
        { PredictionWriter.MaxBatch, 64 },
        { PredictionWriter.MaxBatch, SqlitePredictionInserter.DefaultRowsPerStatement },
    };

    [Theory]
    [MemberData(nameof(BatchSizes))]
    public async Task WritePredictions_BatchOfSize_EveryRowReadsBackExactly(int rows, int rowsPerStatement)
    {
        await using var store = await CreateOrSkipAsync();
        if (store is SqlPredictionStore sql)
        {
            sql.RowsPerStatement = rowsPerStatement;
        }

        var batch = MixedBatch(rows, seed: rows);

        await store.WritePredictionsAsync(batch);

        Assert.Equal((rows, 0L), await store.CountAsync());
        foreach (var expected in batch)
        {
            AssertStored(expected, await store.FindPredictionAsync(expected.Id));
        }
    }

    [Fact]
    public async Task WritePredictions_OddValues_ReadBackExactly()
    {
        await using var store = await CreateOrSkipAsync();
        double[] ages = [-0.0, 0, 1e15, 999_999_999_999_999, -41, 0.1, 1.0 / 3, double.NaN, 5e-324, double.MaxValue];
        ModelOutput[] outputs = [new(double.NaN, 0.5), new(1, double.PositiveInfinity), new(double.NegativeInfinity, double.NaN), new(-0.0, 1e-300)];
        string?[] devices = ["mobile", null, "tablette \u00e9t\u00e9 \"quoted\" \\ \u2603 \ud83d\ude00", string.Empty];
        var batch = ages.Select((age, i) => Pending($"odd-{i}-\u00e9", T0.AddMilliseconds(i), age, devices[i % devices.Length], outputs[i % outputs.Length])).ToList();

        await store.WritePredictionsAsync(batch);

        foreach (var expected in batch)
        {
            AssertStored(expected, await store.FindPredictionAsync(expected.Id));
        }
    }

    [Fact]
    public async Task WritePredictions_EmptyId_StoredAsEmptyTextNotNull()
    {
        await using var store = await CreateOrSkipAsync();

        await store.WritePredictionsAsync([Pending(string.Empty, T0, 30, "mobile", new ModelOutput(0, 0.2))]);

        var found = await store.FindPredictionAsync(string.Empty);
        Assert.NotNull(found);
        Assert.Equal(string.Empty, found.Id);
    }

    [Fact]
    public async Task WritePredictions_IdsPresentOrRepeated_FirstRowKept()
    {
        await using var store = await CreateOrSkipAsync();
        await store.WritePredictionsAsync([Pending("a", T0, 41, "mobile", new ModelOutput(1, 0.9))]);

        await store.WritePredictionsAsync(
        [
            Pending("a", T0.AddHours(1), 20, "desktop", new ModelOutput(0, 0.1)),
            Pending("b", T0, 50, "desktop", new ModelOutput(1, 0.6)),
            Pending("b", T0.AddHours(2), 60, null, new ModelOutput(0, 0.3)),
        ]);

        Assert.Equal((2L, 0L), await store.CountAsync());
        Assert.Equal("""{"age":41,"device":"mobile"}""", (await store.FindPredictionAsync("a"))!.InputsJson);
        var b = await store.FindPredictionAsync("b");
        Assert.Equal("""{"age":50,"device":"desktop"}""", b!.InputsJson);
        Assert.Equal(new ModelOutput(1, 0.6), b.Output);
    }

    /// <summary>Rows with every kind of value: integral and fractional ages, missing ones, unseen and missing devices.</summary>
    private static List<PendingPrediction> MixedBatch(int rows, int seed)
    {
        var random = new Random(seed);
        var batch = new FeatureBatch(TestModel.Schema, rows);
        var pending = new List<PendingPrediction>(rows);
        for (var r = 0; r < rows; r++)
        {
            var age = (r % 5) switch
            {
                0 => double.NaN,
                1 => Math.Round(18 + (random.NextDouble() * 70)),
                2 => 18 + (random.NextDouble() * 70),
                3 => -random.NextDouble() * 1e6,
                _ => random.Next(),
            };
            batch.SetNumber(r, 0, age);
            batch.SetString(r, 1, (r % 4) switch { 0 => "mobile", 1 => "desktop", 2 => null, _ => $"unseen-{r}" });
            var output = r % 7 == 0 ? new ModelOutput(double.NaN, double.NaN) : new ModelOutput(r % 2, random.NextDouble());
            var id = string.Create(CultureInfo.InvariantCulture, $"{seed:x4}{r:x8}").PadLeft(32, '0');
            pending.Add(new PendingPrediction(id, TestModel.Instance, T0.AddMilliseconds(r * 37L), batch, r, output));
        }

        return pending;
    }

    /// <summary>Checks a stored row against the prediction, with the inputs JSON built independently (JsonObject).</summary>
    private static void AssertStored(PendingPrediction expected, StoredPrediction? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Model.Name, actual.Model);
        Assert.Equal(expected.Model.Version, actual.ModelVersion);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        var age = expected.Batch.GetNumber(expected.Row, 0);
        var device = expected.Batch.GetString(expected.Row, 1);
        var json = new JsonObject
        {
            ["age"] = double.IsFinite(age) ? JsonValue.Create(age) : null,
            ["device"] = device is null ? null : JsonValue.Create(device),
        };
        Assert.Equal(json.ToJsonString(), actual.InputsJson);
        Assert.Equal(Stored(expected.Output.Label), actual.Output.Label);
        Assert.Equal(Stored(expected.Output.Score), actual.Output.Score);
        Assert.Null(actual.Actual);
        // Bit-exact doubles (Assert.Equal(double, double) treats -0 and 0 alike).
        Assert.Equal(BitConverter.DoubleToInt64Bits(Stored(expected.Output.Score)), BitConverter.DoubleToInt64Bits(actual.Output.Score));
    }

    // Non-finite outputs are stored as NULL and read back as NaN.
    private static double Stored(double value) => double.IsFinite(value) ? value : double.NaN;
}
