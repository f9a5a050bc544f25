using System.Globalization;
using System.Text;
using DriftWatch.Analysis;
using DriftWatch.Data;
using DriftWatch.Reports;
using DriftWatch.Reports.Html;
using DriftWatch.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Report;

/// <summary><c>driftwatch report</c>: compares a current dataset with a reference and writes JSON and HTML reports.</summary>
/// <remarks>Bad input (missing or malformed files, unknown method, no common columns, a method that cannot apply) is
/// raised as <see cref="CliException"/>: one line on stderr and exit code 2.</remarks>
internal sealed class ReportCommand : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var options = BuildOptions(settings);
        var console = AnsiConsole.Console;
        var referencePath = settings.Reference!;
        var currentPath = settings.Current!;
        DriftReport? report = null;
        await ReportSteps.RunAsync(console, async steps =>
        {
            var reference = await steps.StepAsync($"Reading {referencePath}", p => ReadAsync(referencePath, p, cancellationToken), Describe).ConfigureAwait(false);
            var current = await steps.StepAsync($"Reading {currentPath}", p => ReadAsync(currentPath, p, cancellationToken), Describe).ConfigureAwait(false);
            CheckColumns(options, reference, current);
            report = await steps.StepAsync("Analysing drift", _ => Task.Run(() => Analyze(reference, current, options), cancellationToken), r => string.Create(CultureInfo.InvariantCulture, $"{r.Columns.Count} results")).ConfigureAwait(false);
            if (settings.Json is { } json)
            {
                await steps.StepAsync($"Writing {json}", _ => WriteJsonAsync(json, report, cancellationToken)).ConfigureAwait(false);
            }

            if (settings.Html is { } html)
            {
                await steps.StepAsync($"Writing {html}", _ => WriteHtmlAsync(html, report, reference, current, cancellationToken)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        ReportSummaryTable.Write(console, report!);
        return 0;
    }

    private static DriftAnalysisOptions BuildOptions(ReportSettings settings)
    {
        var profile = settings.Profile.ToUpperInvariant() switch
        {
            "NATIVE" => DriftProfile.Native,
            "EVIDENTLY" => DriftProfile.Evidently,
            _ => throw new CliException($"unknown profile '{settings.Profile}' (use native or evidently)"),
        };
        var methods = ReportSettings.SplitList(settings.Method);
        foreach (var m in methods)
        {
            if (!DriftMethods.TryGet(m, out _))
            {
                var known = string.Join(", ", DriftMethods.All.Select(x => x.Name));
                throw new CliException($"unknown method '{m}' (known: {known})");
            }
        }

        return new DriftAnalysisOptions
        {
            Profile = profile,
            CacheReference = false,
            Methods = methods,
            Threshold = settings.Threshold,
            Categorical = new HashSet<string>(ReportSettings.SplitList(settings.Categorical), StringComparer.Ordinal),
            Numerical = new HashSet<string>(ReportSettings.SplitList(settings.Numerical), StringComparer.Ordinal),
            Target = settings.Target,
            Prediction = settings.Prediction,
        };
    }

    private static async Task<Dataset> ReadAsync(string path, IProgress<double> progress, CancellationToken cancellationToken)
    {
        try
        {
            return await DatasetReader.ReadAsync(path, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetReadException ex)
        {
            throw new CliException(OneLine(ex.Message), ex);
        }
    }

    private static string Describe(Dataset data) =>
        string.Create(CultureInfo.InvariantCulture, $"{data.RowCount} rows, {data.Columns.Count} columns");

    private static void CheckColumns(DriftAnalysisOptions options, Dataset reference, Dataset current)
    {
        var named = options.Categorical.Select(c => (c, "--categorical"))
            .Concat(options.Numerical.Select(c => (c, "--numerical")))
            .Concat(options.Target is null ? [] : [(options.Target, "--target")])
            .Concat(options.Prediction is null ? [] : [(options.Prediction, "--prediction")]);
        foreach (var (column, option) in named)
        {
            foreach (var data in (Dataset[])[reference, current])
            {
                if (data.Find(column) is null)
                {
                    throw new CliException($"{data.Source}: no column '{column}' (named by {option})");
                }
            }
        }

        var both = options.Categorical.Intersect(options.Numerical, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
        {
            throw new CliException($"column '{both}' is named by both --categorical and --numerical");
        }
    }

    private static DriftReport Analyze(Dataset reference, Dataset current, DriftAnalysisOptions options)
    {
        try
        {
            return DriftAnalyzer.Analyze(reference, current, options);
        }
        catch (DriftAnalysisException ex)
        {
            throw new CliException(OneLine(ex.Message), ex);
        }
        catch (DriftMethodException ex)
        {
            throw new CliException(OneLine(ex.Message), ex);
        }
    }

    private static async Task<bool> WriteJsonAsync(string path, DriftReport report, CancellationToken cancellationToken)
    {
        var stream = Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await DriftReportJson.WriteAsync(stream, report, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<bool> WriteHtmlAsync(string path, DriftReport report, Dataset reference, Dataset current, CancellationToken cancellationToken)
    {
        var distributions = await Task.Run(() => ColumnDistributions.Compute(reference, current, report), cancellationToken).ConfigureAwait(false);
        var html = HtmlReportRenderer.Render(report, distributions, new HtmlReportOptions
        {
            ReferenceName = Path.GetFileName(reference.Source),
            CurrentName = Path.GetFileName(current.Source),
        });
        var stream = Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(html), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Bad input is reported on one line: line breaks inside a library's message become spaces.</summary>
    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static FileStream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot write ({ex.Message})", ex);
        }
    }
}
