using System.Buffers;
using System.Data.Common;
using DriftWatch.Serving.Models;

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
        if (_isSqlite)
        {
            // Predictions are never acknowledged as durable (only labels are), so their commits skip the fsync;
            // in WAL mode the database stays consistent after a crash, the newest predictions may be lost.
            await ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO driftwatch_predictions (id, model, model_version, time_ms, inputs, label, score) " +
            "VALUES (@id, @model, @version, @time, @inputs, @label, @score) ON CONFLICT (id) DO NOTHING";
        var p = new DbParameter[7];
        // Names carry their '@' as in the SQL: Microsoft.Data.Sqlite otherwise tries each prefix on every bind
        // (measured on a loaded 2-core machine: 13 -> 9 µs CPU per row written to SQLite).
        string[] names = ["@id", "@model", "@version", "@time", "@inputs", "@label", "@score"];
        for (var i = 0; i < names.Length; i++)
        {
            p[i] = command.CreateParameter();
            p[i].ParameterName = names[i];
            command.Parameters.Add(p[i]);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var prediction in predictions)
        {
            p[0].Value = prediction.Id;
            p[1].Value = prediction.Model.Name;
            p[2].Value = prediction.Model.Version;
            p[3].Value = prediction.Timestamp.ToUnixTimeMilliseconds();
            p[4].Value = InputsJson.Write(prediction.Batch, prediction.Row, buffer);
            p[5].Value = FiniteOrNull(prediction.Output.Label);
            p[6].Value = FiniteOrNull(prediction.Output.Score);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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

    private static object FiniteOrNull(double value) => double.IsFinite(value) ? value : DBNull.Value;

    private static double GetDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);
}
