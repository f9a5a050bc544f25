using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DriftWatch.Data;
using DriftWatch.Detectors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Detect;

/// <summary><c>driftwatch detect</c>: runs one online change detector over a one-column stream.</summary>
/// <remarks>
/// Writes <c>{"detector", "n", "drifts", "warnings", "skipped"}</c>: n is the number of rows, drifts and warnings
/// the 0-based rows after whose update the flag was set, skipped the number of missing or non-finite values
/// (which the detector skips). The JSON goes to <c>--json</c> (and a one-line summary to stdout) or, without it,
/// to stdout.
/// </remarks>
internal sealed class DetectCommand : AsyncCommand<DetectCommand.Settings>
{
    private const string WindowOption = "window";

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = ParseOptions(settings);
        await ReadListFilesAsync(options, settings, cancellationToken).ConfigureAwait(false);
        var detector = CreateDetector(settings.Detector, options);
        double[] stream = await ReadStreamAsync(settings, cancellationToken).ConfigureAwait(false);
        var result = Run(detector, stream);

        if (settings.Json is { } path)
        {
            try
            {
                await using var file = File.Create(path);
                Write(file, result);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{path}: {ex.Message}", ex);
            }

            string drifts = string.Join(", ", result.Drifts.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Detector}: {result.N} values, {result.Drifts.Count} drift(s) [{drifts}], {result.Warnings.Count} warning value(s), {result.Skipped} skipped")).ConfigureAwait(false);
        }
        else
        {
            using var stdout = Console.OpenStandardOutput();
            Write(stdout, result);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Runs a detector over a stream and collects the flagged indices.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="stream">The values, NaN where missing.</param>
    /// <returns>The result.</returns>
    /// <remarks>
    /// Feeds the stream through <see cref="IDriftDetector.Update(ReadOnlySpan{double}, Span{int}, Span{int})"/> in chunks.
    /// A row holding a skipped value reports no flag: the detector's flags still describe the previous value.
    /// </remarks>
    internal static DetectResult Run(IDriftDetector detector, ReadOnlySpan<double> stream)
    {
        const int Chunk = 1 << 16;
        var drifts = new List<int>();
        var warnings = new List<int>();
        int[] driftBuffer = new int[Math.Min(Chunk, Math.Max(1, stream.Length))];
        int[] warningBuffer = new int[driftBuffer.Length];
        int done = 0;
        while (done < stream.Length)
        {
            var chunk = stream.Slice(done, Math.Min(Chunk, stream.Length - done));
            var result = detector.Update(chunk, driftBuffer, warningBuffer);
            foreach (int i in driftBuffer.AsSpan(0, result.DriftCount))
            {
                drifts.Add(done + i);
            }

            foreach (int i in warningBuffer.AsSpan(0, result.WarningCount))
            {
                warnings.Add(done + i);
            }

            done += result.Consumed;
        }

        return new DetectResult(detector.Name, stream.Length, drifts, warnings, detector.SkippedCount);
    }

    private static Dictionary<string, string> ParseOptions(Settings settings)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string option in settings.Options)
        {
            int eq = option.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--option '{option}' is not of the form key=value.");
            }

            string key = option[..eq].Trim();
            if (!options.TryAdd(key, option[(eq + 1)..]))
            {
                throw new CliException($"--option '{key}' is given twice.");
            }
        }

        return options;
    }

    // KSWIN's window=FILE: the values of a CSV or Parquet file (its only column, or the --column of the input), read as
    // the stream is (missing cells skipped), passed on as a list. A value that names no file is left to the list parser.
    private static async Task ReadListFilesAsync(Dictionary<string, string> options, Settings settings, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(WindowOption, out string? value))
        {
            return;
        }

        string path = value.Trim();
        bool looksLikeFile = path.Contains('/', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            if (looksLikeFile)
            {
                throw new CliException($"{path}: file not found");
            }

            return;
        }

        double[] values = await ReadColumnAsync(path, settings.Column, nameRequired: false, cancellationToken).ConfigureAwait(false);
        options[WindowOption] = string.Join(",", values.Where(double.IsFinite).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }

    private static IDriftDetector CreateDetector(string name, Dictionary<string, string> options)
    {
        try
        {
            return DriftDetectors.Create(name, options);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(OneLine(ex), ex);
        }
    }

    private static Task<double[]> ReadStreamAsync(Settings settings, CancellationToken cancellationToken) =>
        ReadColumnAsync(settings.Input, settings.Column, nameRequired: true, cancellationToken);

    // The named column, or the only one. A window file may lack the input's column when it has just one.
    private static async Task<double[]> ReadColumnAsync(string path, string? name, bool nameRequired, CancellationToken cancellationToken)
    {
        Dataset dataset;
        try
        {
            dataset = await DatasetReader.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetReadException ex)
        {
            throw new CliException(ex.Message, ex);
        }

        DatasetColumn? column = name is null ? null : dataset.Find(name);
        if (column is null && name is not null && nameRequired)
        {
            throw new CliException($"{path}: no column '{name}'.");
        }

        if (column is null && dataset.Columns.Count == 1)
        {
            column = dataset.Columns[0];
        }

        if (column is null)
        {
            throw new CliException(name is null
                ? $"{path}: {dataset.Columns.Count} columns; choose one with --column."
                : $"{path}: no column '{name}' and {dataset.Columns.Count} columns.");
        }

        return column.Numbers ?? throw new CliException($"{path}: column '{column.Name}' is not numeric.");
    }

    private static void Write(Stream stream, DetectResult result)
    {
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("detector", result.Detector);
        writer.WriteNumber("n", result.N);
        writer.WriteStartArray("drifts");
        foreach (int i in result.Drifts)
        {
            writer.WriteNumberValue(i);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (int i in result.Warnings)
        {
            writer.WriteNumberValue(i);
        }

        writer.WriteEndArray();
        writer.WriteNumber("skipped", result.Skipped);
        writer.WriteEndObject();
    }

    // ArgumentException appends " (Parameter 'x')"; the message already names the option.
    private static string OneLine(ArgumentException ex)
    {
        string message = ex.Message;
        int at = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).ReplaceLineEndings(" ");
    }

    /// <summary>The command's arguments.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>Gets or sets the detector name.</summary>
        [CommandOption("--detector <NAME>")]
        [Description("adwin, page-hinkley, kswin, ddm, eddm, hddm-a, hddm-w, fhddm, cusum, ewma or shewhart")]
        public string Detector { get; set; } = string.Empty;

        /// <summary>Gets or sets the input file (CSV or Parquet).</summary>
        [CommandOption("--input <FILE>")]
        [Description("The stream: a CSV (or Parquet) file with a header row")]
        public string Input { get; set; } = string.Empty;

        /// <summary>Gets or sets the column to read; required when the file has several.</summary>
        [CommandOption("--column <NAME>")]
        [Description("The column holding the stream (default: the only column)")]
        public string? Column { get; set; }

        /// <summary>Gets or sets the detector options as key=value, River's parameter names.</summary>
        [CommandOption("--option <KEY=VALUE>")]
        [Description("A detector option by River's parameter name, e.g. delta=0.01 (repeatable); kswin's window=1,0,1 or window=FILE")]
        public string[] Options { get; set; } = [];

        /// <summary>Gets or sets the JSON output file.</summary>
        [CommandOption("--json <FILE>")]
        [Description("Write the result as JSON to this file (default: stdout)")]
        public string? Json { get; set; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Detector))
            {
                return ValidationResult.Error("--detector is required.");
            }

            return string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("--input is required.") : ValidationResult.Success();
        }
    }
}
