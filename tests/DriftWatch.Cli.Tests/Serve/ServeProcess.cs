using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DriftWatch.Cli.Tests.Serve;

/// <summary>The built <c>driftwatch serve</c> running as a child process on a free loopback port; killed on dispose.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Http { get; }

    /// <summary>Starts <c>driftwatch serve</c> with extra environment variables (configuration keys such as <c>DriftWatch__Store__Provider</c>).</summary>
    public static ServeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var dll = typeof(Cli.Serve.ServeCommand).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" serve --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServeProcess(process, port);
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200 (training the default model at start-up takes a few seconds).</summary>
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(_process.HasExited, "driftwatch serve exited during start-up");
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

        Assert.Fail("driftwatch serve did not become ready within 90 s");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
