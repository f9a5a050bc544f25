using System.Data.Common;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Storage;

/// <content>Storing labels.</content>
public sealed partial class SqlPredictionStore
{
    /// <inheritdoc/>
    public async Task<FeedbackOutcome[]> RecordFeedbackAsync(string model, IReadOnlyList<FeedbackItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(items);
        var outcomes = new FeedbackOutcome[items.Count];
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText =
            "SELECT p.time_ms, p.label, p.score, l.actual, p.model_version FROM driftwatch_predictions p " +
            "LEFT JOIN driftwatch_labels l ON l.prediction_id = p.id WHERE p.id = @id AND p.model = @model";
        var findId = Parameter(find, "id");
        Parameter(find, "model").Value = model;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO driftwatch_labels (prediction_id, actual, time_ms, received_ms) VALUES (@id, @actual, @time, @received) " +
            "ON CONFLICT (prediction_id) DO NOTHING";
        var insertId = Parameter(insert, "id");
        var insertActual = Parameter(insert, "actual");
        var insertTime = Parameter(insert, "time");
        Parameter(insert, "received").Value = receivedAt.ToUnixTimeMilliseconds();

        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            findId.Value = item.PredictionId;
            long timeMs;
            ModelOutput output;
            double? existing;
            string version;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    outcomes[i] = new FeedbackOutcome(FeedbackStatus.UnknownId, default, default, double.NaN);
                    ok = false;
                    continue;
                }

                timeMs = reader.GetInt64(0);
                output = new ModelOutput(GetDouble(reader, 1), GetDouble(reader, 2));
                existing = reader.IsDBNull(3) ? null : reader.GetDouble(3);
                version = reader.GetString(4);
            }

            var predictedAt = DateTimeOffset.FromUnixTimeMilliseconds(timeMs);
            if (existing is null)
            {
                insertId.Value = item.PredictionId;
                insertActual.Value = item.Actual;
                insertTime.Value = timeMs;
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    outcomes[i] = new FeedbackOutcome(FeedbackStatus.Stored, output, predictedAt, item.Actual, version);
                    continue;
                }

                // Another request (or replica) stored a label between our read and our insert: read it.
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                existing = reader.GetDouble(3);
            }

            // Idempotency rule: the first label stands; the same value again is a no-op, a different one a conflict.
            var same = existing.Value.Equals(item.Actual);
            outcomes[i] = new FeedbackOutcome(same ? FeedbackStatus.Duplicate : FeedbackStatus.Conflict, output, predictedAt, existing.Value, version);
            ok &= same;
        }

        if (ok)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return outcomes;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
