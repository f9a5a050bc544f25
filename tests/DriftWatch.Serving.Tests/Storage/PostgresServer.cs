using System.Diagnostics;
using System.Globalization;
using DriftWatch.Testing;

namespace DriftWatch.Serving.Tests.Storage;

/// <summary>A throw-away PostgreSQL cluster (initdb + pg_ctl) on a free loopback port, run as user postgres when root.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDir;
    private string? _bin;

    public string? ConnectionString { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            SkipReason = "PostgreSQL server binaries (initdb, pg_ctl) are not installed";
            return;
        }

        var root = Directory.CreateTempSubdirectory("driftwatch-pg-");
        _dataDir = Path.Combine(root.FullName, "data");
        // The cluster runs as user postgres, which must own the directory and reach it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root.FullName, (UnixFileMode)0b111_111_111);
        }

        var port = LoopbackPort.Next();
        await RunAsync("initdb", $"-D {_dataDir} -U postgres --auth=trust -E UTF8 --no-sync");
        await RunAsync("pg_ctl", $"-D {_dataDir} -l {Path.Combine(root.FullName, "log")} -w -t 60 -o \"-p {port.ToString(CultureInfo.InvariantCulture)} -k {root.FullName} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
        ConnectionString = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Pooling=true";
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDir is not null && ConnectionString is not null)
        {
            await RunAsync("pg_ctl", $"-D {_dataDir} -m immediate -w stop");
        }

        if (_dataDir is not null)
        {
            Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString!.Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal);
    }

    private static string? FindBinaries()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : []))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        return null;
    }

    private async Task RunAsync(string tool, string arguments)
    {
        var exe = Path.Combine(_bin!, tool);
        var asRoot = Environment.UserName == "root";
        var start = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {exe} {arguments}")
            : new ProcessStartInfo(exe, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        if (asRoot && _dataDir is not null)
        {
            var parent = Path.GetDirectoryName(_dataDir)!;
            using var chown = Process.Start("chown", $"-R postgres {parent}");
            await chown.WaitForExitAsync();
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr} {await stdout}");
        }
    }
}
