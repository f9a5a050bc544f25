using System.Diagnostics;
using DriftWatch.Testing;

namespace DriftWatch.Cli.Tests.Serve;

/// <summary>The built <c>driftwatch serve</c> running as a child process on a loopback port; killed on dispose.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errors = [];
    private readonly OutputTail _output;

    private ServeProcess(Process process, int port)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _output = new OutputTail(process);
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Gets the port the service listens on.</summary>
    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>Starts <c>driftwatch serve</c> with extra environment variables (configuration keys such as <c>DriftWatch__Store__Provider</c>).</summary>
    /// <param name="workingDirectory">The directory the service runs in (its SQLite store lands there by default).</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="port">The port to listen on (a restart reuses its predecessor's); a fresh one when null.</param>
    /// <param name="config">A <c>driftwatch.yaml</c> passed as <c>--config</c>, or null.</param>
    public static ServeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, int? port = null, string? config = null)
    {
        var listen = port ?? LoopbackPort.Next();
        var dll = typeof(Cli.Serve.ServeCommand).Assembly.Location;
        var arguments = $"\"{dll}\" serve --urls http://127.0.0.1:{listen}" + (config is null ? string.Empty : $" --config \"{config}\"");
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServeProcess(Process.Start(start)!, listen);
    }

    /// <summary>
    /// Polls <c>/readyz</c> until it answers 200 (training the default model at start-up takes a few seconds, more on
    /// a busy machine); fails at once with the service's last output if it exits, and with the same after 2 minutes.
    /// </summary>
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            Assert.False(_process.HasExited, $"driftwatch serve exited during start-up (code {(_process.HasExited ? _process.ExitCode : 0)}); its last output:\n{_output}");
            try
            {
                if ((await Http.GetAsync("/readyz", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        Assert.Fail($"driftwatch serve did not become ready within 2 minutes; its last output:\n{_output}");
    }

    /// <summary>Waits for a service that should refuse to start to exit; fails with its last output after 2 minutes.</summary>
    /// <returns>The exit code and the lines written to standard error.</returns>
    public async Task<(int ExitCode, IReadOnlyList<string> Errors)> WaitForExitAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"driftwatch serve did not exit within 2 minutes; its last output:\n{_output}");
        }

        // WaitForExitAsync returns once the redirected streams are at their end, so every error line has been read.
        lock (_errors)
        {
            return (_process.ExitCode, [.. _errors]);
        }
    }

    /// <summary>Gets the last lines the service wrote, for failure messages.</summary>
    public string OutputTail => _output.ToString();

    /// <summary>Kills the service with SIGKILL (no graceful shutdown: a crash) and waits until it is gone.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
