using System.Diagnostics;
using DriftWatch.Testing;

namespace DriftWatch.IntegrationTests.EndToEnd;

/// <summary>A long-running child process (a replica, Prometheus, Alertmanager), killed with its tree on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output;

    private ChildProcess(Process process, string name, string? readyUrl)
    {
        _process = process;
        _output = new OutputTail(process);
        Name = name;
        ReadyUrl = readyUrl;
    }

    /// <summary>Gets what the process is, for messages (file and port).</summary>
    public string Name { get; }

    /// <summary>Gets the URL that answers 2xx once the process is ready, or <see langword="null"/> when it has none.</summary>
    public string? ReadyUrl { get; }

    /// <summary>Gets a value indicating whether the process has been killed by <see cref="Dispose"/> (on purpose, by the test).</summary>
    public bool Disposed { get; private set; }

    public static ChildProcess Start(string file, IEnumerable<string> args, string workingDirectory, string? readyUrl, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        return new ChildProcess(p, $"{file} ({readyUrl ?? "no ready URL"})", readyUrl);
    }

    /// <summary>Returns a loopback port for a child to listen on.</summary>
    public static int FreePort() => LoopbackPort.Next();

    /// <summary>
    /// Polls <see cref="ReadyUrl"/> until it answers 2xx. Fails at once, with the process's last output, when the
    /// process exits; fails with the same output after the timeout.
    /// </summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken ct)
    {
        var url = ReadyUrl ?? throw new InvalidOperationException(Name + " has no ready URL");
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready; its last output:\n{_output}");
            }

            try
            {
                using var r = await http.GetAsync(url, ct);
                if (r.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not up yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // the client's own timeout: busy, not up yet
            }

            if (until.Elapsed > timeout)
            {
                throw new TimeoutException($"{url} did not answer within {timeout.TotalSeconds:0} s; the last output of {Name}:\n{_output}");
            }

            await Task.Delay(200, ct);
        }
    }

    public void Dispose()
    {
        Disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
