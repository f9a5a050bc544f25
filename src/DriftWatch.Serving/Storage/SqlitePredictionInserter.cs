using System.Buffers;
using System.Text;
using DriftWatch.Serving.Models;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DriftWatch.Serving.Storage;

/// <summary>Inserts predictions into SQLite through one prepared <c>INSERT</c> statement bound by position.</summary>
/// <remarks>
/// <para>
/// Rows go in chunks of <c>rowsPerStatement</c> through one prepared statement
/// (<c>INSERT … VALUES (?, …), (?, …), … ON CONFLICT (id) DO NOTHING</c>), the remainder through a second one sized to
/// it. Each statement is prepared once per call and reused for every chunk. The default is one row per statement:
/// once binding is positional, multi-row statements measured no faster (2.51 against 2.52 µs CPU per row for 64 rows
/// per statement, PredictionStoreCpuTime at load 6; 5.3 against 9.1 ms per 2048-row batch in PredictionStoreBenchmark),
/// because SQLite's cost per step is small next to its three B-tree inserts per row (table, id index, time index).
/// </para>
/// <para>
/// Why SQLitePCLRaw (the binding under Microsoft.Data.Sqlite) rather than <see cref="SqliteCommand"/>: the command binds
/// every parameter by name on every execution (a UTF-8 copy of the name, then <c>sqlite3_bind_parameter_index</c>, a
/// linear scan of the statement's names, which makes a multi-row statement quadratic), takes text only as a
/// <see cref="string"/> (so the inputs JSON would be transcoded to UTF-16 and back), and allocates a data reader per
/// execution. Binding by position from spans removes all three: the inputs JSON is written as UTF-8 into a reused
/// buffer and bound from there, ids are transcoded into a reused buffer, and no row allocates.
/// </para>
/// <para>The caller owns the transaction (an immediate one, so no statement here can meet <c>SQLITE_BUSY</c>).</para>
/// <threadsafety>Not thread-safe: one instance per call.</threadsafety>
/// </remarks>
internal sealed class SqlitePredictionInserter
{
    /// <summary>Rows per statement (7 parameters each): one, as measured in <c>PredictionStoreBenchmark</c>.</summary>
    public const int DefaultRowsPerStatement = 1;

    private const int Columns = 7;
    private static readonly byte[] EmptyText = [];

    private readonly sqlite3 _db;
    private readonly ArrayBufferWriter<byte> _json = new(512);
    private byte[] _text = new byte[64];
    private IModel? _model;
    private byte[] _modelName = EmptyText;
    private byte[] _modelVersion = EmptyText;

    /// <summary>Initializes a new instance of the <see cref="SqlitePredictionInserter"/> class.</summary>
    /// <param name="connection">An open connection inside an immediate transaction.</param>
    public SqlitePredictionInserter(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
    }

    /// <summary>Builds the statement text for <paramref name="rows"/> rows.</summary>
    /// <param name="rows">The rows per statement.</param>
    /// <returns>The SQL.</returns>
    public static string Sql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO driftwatch_predictions (id, model, model_version, time_ms, inputs, label, score) VALUES ", 100 + (rows * 16));
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?)");
        }

        return sql.Append(" ON CONFLICT (id) DO NOTHING").ToString();
    }

    /// <summary>Inserts every prediction (ids already present are skipped).</summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="rowsPerStatement">The rows bound to one statement.</param>
    /// <param name="cancellationToken">Checked between statements.</param>
    public void Insert(IReadOnlyList<PendingPrediction> predictions, int rowsPerStatement, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerStatement);
        var count = predictions.Count;
        var full = count / rowsPerStatement;
        var start = 0;
        if (full > 0)
        {
            using var statement = Prepare(rowsPerStatement);
            for (var chunk = 0; chunk < full; chunk++, start += rowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Execute(statement, predictions, start, rowsPerStatement);
            }
        }

        if (start < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var statement = Prepare(count - start);
            Execute(statement, predictions, start, count - start);
        }
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var rc = raw.sqlite3_prepare_v2(_db, Sql(rows), out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return statement;
    }

    private void Execute(sqlite3_stmt statement, IReadOnlyList<PendingPrediction> predictions, int start, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            Bind(statement, (r * Columns) + 1, predictions[start + r]);
        }

        var rc = raw.sqlite3_step(statement);
        // reset returns the step's error again when it failed; on success it makes the statement reusable.
        var reset = raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : rc, _db);
        }
    }

    private void Bind(sqlite3_stmt statement, int first, in PendingPrediction prediction)
    {
        if (!ReferenceEquals(prediction.Model, _model))
        {
            _model = prediction.Model;
            _modelName = Encoding.UTF8.GetBytes(_model.Name);
            _modelVersion = Encoding.UTF8.GetBytes(_model.Version);
        }

        var id = prediction.Id;
        if (_text.Length < Encoding.UTF8.GetMaxByteCount(id.Length))
        {
            _text = new byte[Encoding.UTF8.GetMaxByteCount(id.Length)];
        }

        var idLength = Encoding.UTF8.GetBytes(id, _text);
        _json.ResetWrittenCount();
        InputsJson.WriteUtf8(prediction.Batch, prediction.Row, _json);

        Check(BindText(statement, first, _text.AsSpan(0, idLength)));
        Check(BindText(statement, first + 1, _modelName));
        Check(BindText(statement, first + 2, _modelVersion));
        Check(raw.sqlite3_bind_int64(statement, first + 3, prediction.Timestamp.ToUnixTimeMilliseconds()));
        Check(BindText(statement, first + 4, _json.WrittenSpan));
        Check(BindReal(statement, first + 5, prediction.Output.Label));
        Check(BindReal(statement, first + 6, prediction.Output.Score));
    }

    // SQLitePCLRaw binds a span with SQLITE_TRANSIENT (SQLite copies it at once, so the buffers can be reused), but an
    // empty span pins to a null pointer, which SQLite binds as NULL: an empty string goes through the string overload.
    private static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? raw.sqlite3_bind_text(statement, index, string.Empty) : raw.sqlite3_bind_text(statement, index, utf8);

    private static int BindReal(sqlite3_stmt statement, int index, double value) =>
        double.IsFinite(value) ? raw.sqlite3_bind_double(statement, index, value) : raw.sqlite3_bind_null(statement, index);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
