using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DriftWatch.Cli.Report;

/// <summary>Options of <c>driftwatch report</c>.</summary>
internal sealed class ReportSettings : CommandSettings
{
    [CommandOption("--reference <FILE>")]
    [Description("Reference data: CSV (header row) or Parquet (.parquet).")]
    public string? Reference { get; init; }

    [CommandOption("--current <FILE>")]
    [Description("Current data to compare with the reference: CSV or Parquet.")]
    public string? Current { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Write the JSON report to this file.")]
    public string? Json { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Write the self-contained HTML report to this file.")]
    public string? Html { get; init; }

    [CommandOption("--profile <PROFILE>")]
    [Description("native (default) or evidently (reproduces Evidently 0.7's numbers).")]
    [DefaultValue("native")]
    public string Profile { get; init; } = "native";

    [CommandOption("--method <METHODS>")]
    [Description("Comma-separated methods forced for every column (default: chosen per column as Evidently does).")]
    public string? Method { get; init; }

    [CommandOption("--threshold <T>")]
    [Description("Threshold for every method (default: each method's own).")]
    public double? Threshold { get; init; }

    [CommandOption("--categorical <COLUMNS>")]
    [Description("Comma-separated columns treated as categorical.")]
    public string? Categorical { get; init; }

    [CommandOption("--numerical <COLUMNS>")]
    [Description("Comma-separated columns treated as numerical.")]
    public string? Numerical { get; init; }

    [CommandOption("--target <COLUMN>")]
    [Description("The target (label) column.")]
    public string? Target { get; init; }

    [CommandOption("--prediction <COLUMN>")]
    [Description("The prediction column.")]
    public string? Prediction { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Reference))
        {
            return ValidationResult.Error("--reference FILE is required");
        }

        if (string.IsNullOrWhiteSpace(Current))
        {
            return ValidationResult.Error("--current FILE is required");
        }

        if (Threshold is { } t && (!double.IsFinite(t) || t < 0))
        {
            return ValidationResult.Error("--threshold must be a finite number >= 0");
        }

        return ValidationResult.Success();
    }

    /// <summary>Splits a comma-separated option into trimmed, non-empty names.</summary>
    public static string[] SplitList(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
