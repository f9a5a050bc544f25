using System.Data.Common;
using DriftWatch.Serving.Models;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DriftWatch.Serving.Storage;

/// <content>Writing, reading and pruning predictions.</content>
public sealed partial class SqlPredictionStore
{
    /// <inheritdoc/>
    public async Task WritePredictionsAsync(IReadOnlyList<PendingPrediction> predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (!_isSqlite)
        {
            await PostgresPredictionInserter.InsertAsync((NpgsqlConnection)connection, predictions, cancellationToken);
            return;
        }

        // Predictions are never acknowledged as durable (only labels are), so their commits skip the fsync;
        // in WAL mode the database stays consistent after a crash, the newest predictions may be lost.
        // The setting belongs to this connection only, and OpenAsync sets FULL again on its next use.
        await ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL", cancellationToken);
        var sqlite = (SqliteConnection)connection;
        // Immediate: the write lock is taken (with Microsoft.Data.Sqlite's busy retries) before any insert runs.
        using var transaction = sqlite.BeginTransaction(deferred: false);
        new SqlitePredictionInserter(sqlite).Insert(predictions, RowsPerStatement, cancellationToken);

        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task<StoredPrediction?> FindPredictionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT p.id, p.model, p.model_version, p.time_ms, p.inputs, p.label, p.score, l.actual " +
            "FROM driftwatch_predictions p LEFT JOIN driftwatch_labels l ON l.prediction_id = p.id WHERE p.id = @id";
        AddParameter(command, "id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredPrediction(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.GetString(4),
            new ModelOutput(GetDouble(reader, 5), GetDouble(reader, 6)),
            reader.IsDBNull(7) ? null : reader.GetDouble(7));
    }

    /// <inheritdoc/>
    public async Task<long> PruneAsync(long maxRows, DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        await using var connection = await OpenAsync(cancellationToken);
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        await using (var command = connection.CreateCommand())
        {
            // The time of the newest prediction beyond the row budget: everything at or before it goes.
            command.CommandText = "SELECT time_ms FROM driftwatch_predictions ORDER BY time_ms DESC LIMIT 1 OFFSET @max";
            AddParameter(command, "max", maxRows);
            if (await command.ExecuteScalarAsync(cancellationToken) is { } t and not DBNull)
            {
                cutoff = Math.Max(cutoff, Convert.ToInt64(t, System.Globalization.CultureInfo.InvariantCulture) + 1);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM driftwatch_predictions WHERE time_ms < @cutoff", cancellationToken, ("cutoff", cutoff));
        await ExecuteAsync(connection, transaction, "DELETE FROM driftwatch_labels WHERE time_ms < @cutoff", cancellationToken, ("cutoff", cutoff));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static double GetDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);
}
