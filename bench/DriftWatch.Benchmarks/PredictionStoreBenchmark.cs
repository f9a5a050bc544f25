using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DriftWatch.Serving.Generation;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;
using Microsoft.Data.Sqlite;

namespace DriftWatch.Benchmarks;

/// <summary>
/// One writer batch (<see cref="PredictionWriter.MaxBatch"/> = 2048 rows of the default credit-risk model) committed to
/// a SQLite store, the table growing across iterations as in the service (so WAL checkpoints are part of the cost).
/// <c>NamedPerRow</c> (baseline) is the write path as it was before SQLitePCLRaw: one <see cref="SqliteCommand"/>
/// executed per row, parameters bound by name, the inputs JSON turned into a string. <c>PositionalPerRow</c> is the
/// shipped path (SQLitePCLRaw, one prepared statement executed per row, positional span binding, UTF-8 JSON from a
/// reused buffer); <c>PositionalMultiRow</c> is the same with 64 rows per statement. <c>InputsJsonOnly</c> writes
/// the 2048 inputs JSON objects without a database (the serialization's share); <c>InputsJsonWriterOnly</c> writes
/// them as the baseline did, through <see cref="Utf8JsonWriter"/>. Rows per second = 2048 / mean. Each iteration gets
/// fresh ids (UUIDv7, as the service makes them). For rows per CPU-second, see <see cref="PredictionStoreCpuTime"/>.
/// </summary>
[MemoryDiagnoser]
public class PredictionStoreBenchmark
{
    private const int Rows = PredictionWriter.MaxBatch;

    private readonly ArrayBufferWriter<byte> _json = new(512);
    private DirectoryInfo _dir = null!;
    private SqlPredictionStore _store = null!;
    private string _connectionString = string.Empty;
    private IModel _model = null!;
    private FeatureBatch _batch = null!;
    private ModelOutput[] _outputs = [];
    private PendingPrediction[] _pending = [];
    private DateTimeOffset _clock = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private Utf8JsonWriter _writer = null!;

    /// <summary>Gets the predictions of the next invocation (for the CPU-time runner).</summary>
    internal IReadOnlyList<PendingPrediction> Pending => _pending;

    [GlobalSetup]
    public void Setup()
    {
        _model = CreditRiskModel.Create(rows: 2000).Model;
        var rows = new CreditRiskGenerator(seed: 11).Generate(Rows);
        var schema = _model.Schema;
        _batch = CreditRiskRow.ToBatch(schema, rows);

        _outputs = new ModelOutput[Rows];
        _model.Predict(_batch, _outputs);
        _dir = Directory.CreateTempSubdirectory("driftwatch-store-bench-");
        var path = Path.Combine(_dir.FullName, "store.db");
        _store = SqlPredictionStore.CreateSqlite(path);
        _store.InitializeAsync().GetAwaiter().GetResult();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true });
        _pending = new PendingPrediction[Rows];
        NextIds();
    }

    [IterationSetup]
    public void NextIds()
    {
        _clock = _clock.AddSeconds(1);
        for (var r = 0; r < Rows; r++)
        {
            _pending[r] = new PendingPrediction(Guid.CreateVersion7(_clock).ToString("N"), _model, _clock, _batch, r, _outputs[r]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer.Dispose();
        _dir.Delete(recursive: true);
    }

    [Benchmark(Baseline = true)]
    public void NamedPerRow() => WriteNamedPerRowAsync(_connectionString, _pending).GetAwaiter().GetResult();

    [Benchmark]
    public void PositionalPerRow()
    {
        _store.RowsPerStatement = SqlitePredictionInserter.DefaultRowsPerStatement;
        _store.WritePredictionsAsync(_pending).GetAwaiter().GetResult();
    }

    [Benchmark]
    public void PositionalMultiRow()
    {
        _store.RowsPerStatement = 64;
        _store.WritePredictionsAsync(_pending).GetAwaiter().GetResult();
    }

    [Benchmark]
    public int InputsJsonOnly()
    {
        var bytes = 0;
        for (var r = 0; r < Rows; r++)
        {
            _json.ResetWrittenCount();
            InputsJson.WriteUtf8(_batch, r, _json);
            bytes += _json.WrittenCount;
        }

        return bytes;
    }

    [Benchmark]
    public int InputsJsonWriterOnly()
    {
        var bytes = 0;
        for (var r = 0; r < Rows; r++)
        {
            _json.ResetWrittenCount();
            _writer.Reset();
            WriteWithJsonWriter(_batch, r, _writer);
            bytes += _json.WrittenCount;
        }

        return bytes;
    }

    /// <summary>The write path as it was before multi-row statements (kept here as the baseline).</summary>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="predictions">The predictions.</param>
    /// <returns>A task.</returns>
    internal static async Task WriteNamedPerRowAsync(string connectionString, IReadOnlyList<PendingPrediction> predictions)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL";
            await pragma.ExecuteNonQueryAsync();
            pragma.CommandText = "PRAGMA synchronous=NORMAL";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText =
            "INSERT INTO driftwatch_predictions (id, model, model_version, time_ms, inputs, label, score) " +
            "VALUES (@id, @model, @version, @time, @inputs, @label, @score) ON CONFLICT (id) DO NOTHING";
        var p = new SqliteParameter[7];
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
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteWithJsonWriter(prediction.Batch, prediction.Row, writer);
            }

            p[4].Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
            p[5].Value = double.IsFinite(prediction.Output.Label) ? prediction.Output.Label : DBNull.Value;
            p[6].Value = double.IsFinite(prediction.Output.Score) ? prediction.Output.Score : DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The inputs JSON as it was written before the hand-assembled <see cref="InputsJson"/>.</summary>
    private static void WriteWithJsonWriter(FeatureBatch batch, int row, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var schema = batch.Schema;
        for (var f = 0; f < schema.Count; f++)
        {
            var feature = schema.Features[f];
            if (feature.Kind == FeatureKind.Numeric)
            {
                var v = batch.GetNumber(row, f);
                if (double.IsFinite(v))
                {
                    writer.WriteNumber(feature.NameUtf8.Span, v);
                }
                else
                {
                    writer.WriteNull(feature.NameUtf8.Span);
                }
            }
            else if (batch.GetString(row, f) is { } s)
            {
                writer.WriteString(feature.NameUtf8.Span, s);
            }
            else
            {
                writer.WriteNull(feature.NameUtf8.Span);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
