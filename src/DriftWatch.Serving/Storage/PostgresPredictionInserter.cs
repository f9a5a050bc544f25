using System.Buffers;
using System.Text;
using Npgsql;

namespace DriftWatch.Serving.Storage;

/// <summary>Inserts predictions into PostgreSQL with one statement per batch: <c>INSERT … SELECT * FROM unnest(arrays)</c>.</summary>
/// <remarks>
/// Each column travels as one array parameter in Npgsql's binary format, so a batch of 2048 rows is one round trip and
/// one statement (atomic without an explicit transaction). Binary <c>COPY</c> would be the other bulk path, but it
/// cannot skip ids already present (<c>ON CONFLICT</c>), which the store's contract requires: a batch retried after
/// a commit whose answer was lost must not fail on its own rows.
/// </remarks>
internal static class PostgresPredictionInserter
{
    /// <summary>The statement; parameters are arrays of equal length.</summary>
    public const string Sql =
        "INSERT INTO driftwatch_predictions (id, model, model_version, time_ms, inputs, label, score) " +
        "SELECT * FROM unnest(@id, @model, @version, @time, @inputs, @label, @score) ON CONFLICT (id) DO NOTHING";

    /// <summary>Inserts every prediction (ids already present are skipped).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="predictions">The predictions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the statement is committed.</returns>
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<PendingPrediction> predictions, CancellationToken cancellationToken)
    {
        var count = predictions.Count;
        var ids = new string[count];
        var models = new string[count];
        var versions = new string[count];
        var times = new long[count];
        var inputs = new string[count];
        var labels = new double?[count];
        var scores = new double?[count];
        var buffer = new ArrayBufferWriter<byte>(512);
        for (var i = 0; i < count; i++)
        {
            var prediction = predictions[i];
            ids[i] = prediction.Id;
            models[i] = prediction.Model.Name;
            versions[i] = prediction.Model.Version;
            times[i] = prediction.Timestamp.ToUnixTimeMilliseconds();
            buffer.ResetWrittenCount();
            InputsJson.WriteUtf8(prediction.Batch, prediction.Row, buffer);
            inputs[i] = Encoding.UTF8.GetString(buffer.WrittenSpan);
            labels[i] = FiniteOrNull(prediction.Output.Label);
            scores[i] = FiniteOrNull(prediction.Output.Score);
        }

        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("id", ids));
        command.Parameters.Add(new NpgsqlParameter<string[]>("model", models));
        command.Parameters.Add(new NpgsqlParameter<string[]>("version", versions));
        command.Parameters.Add(new NpgsqlParameter<long[]>("time", times));
        command.Parameters.Add(new NpgsqlParameter<string[]>("inputs", inputs));
        command.Parameters.Add(new NpgsqlParameter<double?[]>("label", labels));
        command.Parameters.Add(new NpgsqlParameter<double?[]>("score", scores));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
