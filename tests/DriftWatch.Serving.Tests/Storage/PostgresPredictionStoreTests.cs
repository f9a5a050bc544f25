using DriftWatch.Serving.Storage;

namespace DriftWatch.Serving.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPredictionStoreTests(PostgresServer server) : PredictionStoreTests
{
    private static int _databases;

    protected override async Task<IPredictionStore?> CreateStoreAsync()
    {
        if (server.ConnectionString is null)
        {
            return null;
        }

        var name = $"t{Interlocked.Increment(ref _databases)}";
        return SqlPredictionStore.CreatePostgres(await server.CreateDatabaseAsync(name));
    }
}
