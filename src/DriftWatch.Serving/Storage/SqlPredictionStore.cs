using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DriftWatch.Serving.Storage;

/// <summary>The prediction and label store on SQLite (WAL, the default) or PostgreSQL (for fleets of replicas).</summary>
/// <remarks>
/// Tables: <c>driftwatch_predictions(id, model, model_version, time_ms, inputs, label, score)</c>,
/// <c>driftwatch_labels(prediction_id, actual, time_ms, received_ms)</c> and <c>driftwatch_state(key, value, updated_ms)</c>.
/// Times are Unix milliseconds. SQLite runs in WAL mode with <c>synchronous=FULL</c>, so a committed label survives
/// a process kill and a power loss; prediction batches commit with <c>synchronous=NORMAL</c> (no fsync of their own),
/// which is safe for labels because the WAL is append-only: a label's fsync also makes every earlier commit durable,
/// among them the prediction it refers to. Only predictions committed after the last label (or checkpoint) can be lost
/// to a power loss; a process kill loses none. Both engines share one SQL text (<c>INSERT … ON CONFLICT</c>, <c>@name</c>
/// parameters); only the column types differ.
/// <threadsafety>Thread-safe: every call opens its own (pooled) connection.</threadsafety>
/// </remarks>
public sealed partial class SqlPredictionStore : IPredictionStore
{
    // The advisory lock that serializes schema creation across replicas ("drftwtch" in ASCII).
    private const long SchemaLockKey = 0x6472667477746368;

    private readonly DbDataSource _dataSource;
    private readonly bool _isSqlite;
    private readonly TimeProvider _timeProvider;

    private SqlPredictionStore(DbDataSource dataSource, bool isSqlite, TimeProvider? timeProvider)
    {
        _dataSource = dataSource;
        _isSqlite = isSqlite;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string Provider => _isSqlite ? "sqlite" : "postgres";

    /// <summary>Gets or sets the rows bound to one SQLite <c>INSERT</c> statement (tests and benchmarks vary it).</summary>
    internal int RowsPerStatement { get; set; } = SqlitePredictionInserter.DefaultRowsPerStatement;

    /// <summary>Opens (creating when absent) a SQLite store.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="timeProvider">The clock for state timestamps (default: system).</param>
    /// <returns>The store; call <see cref="InitializeAsync"/> before use.</returns>
    public static SqlPredictionStore CreateSqlite(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 };
        return new SqlPredictionStore(SqliteFactory.Instance.CreateDataSource(builder.ConnectionString), isSqlite: true, timeProvider);
    }

    /// <summary>Opens a PostgreSQL store.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="timeProvider">The clock for state timestamps (default: system).</param>
    /// <returns>The store; call <see cref="InitializeAsync"/> before use.</returns>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    public static SqlPredictionStore CreatePostgres(string connectionString, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new SqlPredictionStore(NpgsqlDataSource.Create(connectionString), isSqlite: false, timeProvider);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var real = _isSqlite ? "REAL" : "DOUBLE PRECISION";
        var blob = _isSqlite ? "BLOB" : "BYTEA";
        var integer = _isSqlite ? "INTEGER" : "BIGINT";
        await using var connection = await OpenAsync(cancellationToken);
        if (_isSqlite)
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        }

        string[] ddl =
        [
            $"CREATE TABLE IF NOT EXISTS driftwatch_predictions (id TEXT PRIMARY KEY, model TEXT NOT NULL, model_version TEXT NOT NULL, time_ms {integer} NOT NULL, inputs TEXT NOT NULL, label {real}, score {real})",
            "CREATE INDEX IF NOT EXISTS driftwatch_predictions_time ON driftwatch_predictions (time_ms)",
            $"CREATE TABLE IF NOT EXISTS driftwatch_labels (prediction_id TEXT PRIMARY KEY, actual {real} NOT NULL, time_ms {integer} NOT NULL, received_ms {integer} NOT NULL)",
            "CREATE INDEX IF NOT EXISTS driftwatch_labels_time ON driftwatch_labels (time_ms)",
            $"CREATE TABLE IF NOT EXISTS driftwatch_state (key TEXT PRIMARY KEY, value {blob} NOT NULL, updated_ms {integer} NOT NULL)",
        ];
        // Replicas starting together on one PostgreSQL database would race on CREATE ... IF NOT EXISTS (which can fail
        // with a unique violation in the system catalogs): a transaction-scoped advisory lock makes them take turns.
        await using var transaction = _isSqlite ? null : await connection.BeginTransactionAsync(cancellationToken);
        if (transaction is not null)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);
        }

        foreach (var sql in ddl)
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<(long Predictions, long Labels)> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM driftwatch_predictions), (SELECT COUNT(*) FROM driftwatch_labels)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <inheritdoc/>
    public async Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM driftwatch_state WHERE key = @key";
        AddParameter(command, "key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <inheritdoc/>
    public async Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            null,
            "INSERT INTO driftwatch_state (key, value, updated_ms) VALUES (@key, @value, @updated) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms",
            cancellationToken,
            ("key", key),
            ("value", value.ToArray()),
            ("updated", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM driftwatch_state WHERE key = @key", cancellationToken, ("key", key)) > 0;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (_isSqlite)
        {
            // Pooled SQLite connections keep the file open; release them so the file can be deleted or reopened.
            SqliteConnection.ClearAllPools();
        }

        return _dataSource.DisposeAsync();
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (_isSqlite)
        {
            // Connection-level setting: an acknowledged commit is on disk, not only in the WAL's OS buffers.
            await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL", cancellationToken);
        }

        return connection;
    }
}
