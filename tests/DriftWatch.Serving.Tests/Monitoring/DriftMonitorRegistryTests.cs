using System.Collections.Concurrent;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Serving.Tests.Monitoring;

public sealed class DriftMonitorRegistryTests
{
    private static readonly Lazy<ServedModel> Model = new(() => CreditRiskModel.Create(rows: 3_000));

    [Fact]
    public async Task AttachAsync_DefaultModel_ProfileHasFeaturesAndPredictions()
    {
        var registry = new DriftMonitorRegistry(new() { MinimumRows = 100 });

        var observer = await registry.AttachAsync(Model.Value, TestContext.Current.CancellationToken);

        Assert.NotNull(observer);
        var profile = observer.Monitor.Profile;
        Assert.Equal(CreditRiskSchema.Features, profile.Features.Select(f => f.Name));
        Assert.NotNull(profile.Prediction);
        Assert.Equal(3_000, profile.Prediction.Count);
        Assert.True(observer.Monitor.Options.Classification);
        Assert.True(registry.TryGetMonitor(CreditRiskModel.Name, out _));
    }

    [Fact]
    public async Task OnPredictions_ModelBatches_MonitorSeesRowsScoresAndLabels()
    {
        var registry = new DriftMonitorRegistry(new() { MinimumRows = 100 });
        var observer = (await registry.AttachAsync(Model.Value, TestContext.Current.CancellationToken))!;
        var rows = new CreditRiskGenerator(9).Generate(600, DriftScenario.SwappedColumns);

        var outputs = Predict(observer, rows);
        var labels = rows.Select((r, i) => new LabelledPrediction($"p{i}", outputs[i], r.Label, default, default)).ToArray();
        observer.OnLabels(labels);
        var snapshot = observer.Monitor.Evaluate();

        Assert.Equal(600, snapshot.TotalRows);
        Assert.Equal(600, snapshot.Quality.Labelled);
        Assert.Equal(labels.Count(l => l.IsCorrect) / 600.0, snapshot.Quality.Accuracy, 12);
        Assert.Contains(snapshot.Integrity.Faults, f => f.Kind == Integrity.IntegrityFaultKind.SwappedColumns);
        Assert.NotNull(snapshot.PredictionDrift);
    }

    [Fact]
    public async Task ReplaceReferenceAsync_ThenRestart_StoredProfileAndStateComeBack()
    {
        var store = new MemoryStateStore();
        var time = new FakeTimeProvider();
        var registry = new DriftMonitorRegistry(new() { MinimumRows = 100 }, store, time);
        var observer = (await registry.AttachAsync(Model.Value, TestContext.Current.CancellationToken))!;
        var newReference = CreditRiskGenerator.ToDataset(new CreditRiskGenerator(5).Generate(2_000, DriftScenario.CovariateShift));

        var monitor = await registry.ReplaceReferenceAsync(CreditRiskModel.Name, newReference, TestContext.Current.CancellationToken);
        Predict(observer, new CreditRiskGenerator(6).Generate(400, DriftScenario.CovariateShift));
        await registry.SaveStateAsync(TestContext.Current.CancellationToken);
        var restarted = new DriftMonitorRegistry(new() { MinimumRows = 100 }, store, time);
        var again = (await restarted.AttachAsync(Model.Value, TestContext.Current.CancellationToken))!;

        Assert.Same(monitor, observer.Monitor);
        Assert.Equal(2_000, again.Monitor.Profile.RowCount);
        Assert.Equal(monitor.Profile.ToJson(), again.Monitor.Profile.ToJson());
        var before = monitor.Evaluate();
        var after = again.Monitor.Evaluate();
        Assert.Equal(400, after.WindowRows);
        Assert.Empty(after.DriftedFeatures);
        Assert.Equal(before.Features!.Columns.Select(c => c.Result.Score), after.Features!.Columns.Select(c => c.Result.Score));
    }

    [Fact]
    public async Task ReplaceReferenceAsync_NoModelFeatures_Throws()
    {
        var registry = new DriftMonitorRegistry(new());
        await registry.AttachAsync(Model.Value, TestContext.Current.CancellationToken);
        var unrelated = new Data.Dataset("other.csv", [new Data.DatasetColumn("colour", Data.ValueKind.String, null, ["red"])]);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => registry.ReplaceReferenceAsync(CreditRiskModel.Name, unrelated, TestContext.Current.CancellationToken));

        Assert.Contains("other.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachAsync_StoredProfileLearnedNumericFeatureAsCategories_ModelReferenceUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new MemoryStateStore();
        var rows = CreditRiskGenerator.ToDataset(new CreditRiskGenerator(7).Generate(300));
        var income = rows.Find("income")!;
        var text = income with
        {
            Kind = Data.ValueKind.String,
            Numbers = null,
            Strings = [.. income.Numbers!.Select((v, i) => i == 3 ? "n/a" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))],
        };
        var stale = Profiles.ReferenceProfile.Build(rows with { Columns = [.. rows.Columns.Select(c => c.Name == "income" ? text : c)] });
        Assert.Equal(Statistics.ColumnType.Categorical, stale.Features.Single(f => f.Name == "income").Type);
        await store.PutStateAsync($"drift/{CreditRiskModel.Name}/profile", System.Text.Encoding.UTF8.GetBytes(stale.ToJson()), ct);
        var registry = new DriftMonitorRegistry(new() { MinimumRows = 100 }, store);

        var observer = await registry.AttachAsync(Model.Value, ct);

        Assert.Equal(Statistics.ColumnType.Numerical, observer!.Monitor.Profile.Features.Single(f => f.Name == "income").Type);
        Assert.Equal(3_000, observer.Monitor.Profile.RowCount);
    }

    private static ModelOutput[] Predict(ModelDriftObserver observer, IReadOnlyList<CreditRiskRow> rows)
    {
        var model = observer.Model.Model;
        var batch = CreditRiskRow.ToBatch(model.Schema, rows);

        var outputs = new ModelOutput[rows.Count];
        model.Predict(batch, outputs);
        observer.OnPredictions(new PredictionBatch(model, batch, outputs, [.. rows.Select((_, i) => $"p{i}")], default));
        return outputs;
    }

    private sealed class MemoryStateStore : IStateStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

        public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default) =>
            Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);

        public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
        {
            _values[key] = value.ToArray();
            return Task.CompletedTask;
        }

        public Task<bool> DeleteStateAsync(string key, CancellationToken cancellationToken = default) =>
            Task.FromResult(_values.TryRemove(key, out _));
    }
}
