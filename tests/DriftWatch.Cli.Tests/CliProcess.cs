using System.Diagnostics;

namespace DriftWatch.Cli.Tests;

/// <summary>Runs the built <c>driftwatch</c> (artifacts/bin/DriftWatch.Cli/&lt;configuration&gt;/driftwatch.dll) as a child process.</summary>
internal static class CliProcess
{
    public static string DllPath
    {
        get
        {
            // The test binaries live in artifacts/bin/DriftWatch.Cli.Tests/<configuration>/.
            var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(testDir.Parent!.Parent!.FullName, "DriftWatch.Cli", testDir.Name, "driftwatch.dll");
        }
    }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
