using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace DriftWatch.Cli.Report;

/// <summary>
/// Runs the steps of a report and shows their progress: a Spectre.Console progress bar on an interactive terminal,
/// one plain line per finished step otherwise (logs, pipes, CI), so that no escape codes end up in files.
/// </summary>
internal sealed class ReportSteps
{
    private readonly IAnsiConsole _console;
    private readonly ProgressContext? _context;

    private ReportSteps(IAnsiConsole console, ProgressContext? context)
    {
        _console = console;
        _context = context;
    }

    /// <summary>Runs <paramref name="body"/> with progress shown the way the console supports.</summary>
    public static Task RunAsync(IAnsiConsole console, Func<ReportSteps, Task> body)
    {
        if (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            return console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => body(new ReportSteps(console, ctx)));
        }

        return body(new ReportSteps(console, null));
    }

    /// <summary>Runs one step; <paramref name="step"/> may report its fraction done (0..1).</summary>
    public async Task<T> StepAsync<T>(string description, Func<IProgress<double>, Task<T>> step, Func<T, string>? summary = null)
    {
        var watch = Stopwatch.StartNew();
        if (_context is not null)
        {
            var task = _context.AddTask(Markup.Escape(description), maxValue: 1.0);
            var progress = new Progress(fraction => task.Value = Math.Clamp(fraction, 0, 1));
            var result = await step(progress).ConfigureAwait(false);
            task.Value = 1.0;
            task.StopTask();
            return result;
        }

        var value = await step(new Progress(_ => { })).ConfigureAwait(false);
        var extra = summary is null ? string.Empty : ": " + summary(value);
        _console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{description}{extra} ({watch.Elapsed.TotalSeconds:0.00} s)"));
        return value;
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (no synchronisation context).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
