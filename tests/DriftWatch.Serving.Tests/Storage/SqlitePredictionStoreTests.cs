using DriftWatch.Serving.Storage;

namespace DriftWatch.Serving.Tests.Storage;

public sealed class SqlitePredictionStoreTests : PredictionStoreTests, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("driftwatch-sqlite-");

    public void Dispose() => _dir.Delete(recursive: true);

    protected override async Task<IPredictionStore?> CreateStoreAsync()
    {
        await Task.CompletedTask;
        return SqlPredictionStore.CreateSqlite(Path.Combine(_dir.FullName, "store.db"));
    }

    [Fact]
    public async Task Initialize_NewFile_UsesWriteAheadLog()
    {
        await using var store = SqlPredictionStore.CreateSqlite(Path.Combine(_dir.FullName, "wal.db"));

        await store.InitializeAsync();

        Assert.True(File.Exists(Path.Combine(_dir.FullName, "wal.db-wal")));
    }
}
