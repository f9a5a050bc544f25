using System.Diagnostics;

namespace DriftWatch.IntegrationTests.Infrastructure;

/// <summary>Runs the Debian Prometheus tools (installed by scripts/test.sh) and the built CLI.</summary>
internal static class Tools
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return new ProcessResult(p.ExitCode, await stdout, await stderr);
    }

    public static Task<ProcessResult> PromtoolAsync(params string[] args) => RunAsync("promtool", args);

    public static Task<ProcessResult> CliAsync(params string[] args) => RunAsync("dotnet", [RepoPaths.CliDll, .. args]);
}
