using System.Globalization;
using DriftWatch.Analysis;
using DriftWatch.Reports;
using Spectre.Console;

namespace DriftWatch.Cli.Report;

/// <summary>The console summary of a drift report: one row per column and method, then the dataset verdict.</summary>
internal static class ReportSummaryTable
{
    public static void Write(IAnsiConsole console, DriftReport report)
    {
        // Redirected output has no terminal width (Spectre assumes 80 columns); logs read better unwrapped.
        if (!console.Profile.Capabilities.Interactive && console.Profile.Width < 120)
        {
            console.Profile.Width = 120;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Column").NoWrap())
            .AddColumn("Type")
            .AddColumn(new TableColumn("Method").NoWrap())
            .AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn(new TableColumn("Threshold").RightAligned())
            .AddColumn("Drift")
            .AddColumn(new TableColumn("Missing").RightAligned());
        foreach (var c in report.Columns)
        {
            var r = c.Result;
            table.AddRow(
                Markup.Escape(c.Column),
                c.Type == Statistics.ColumnType.Categorical ? "cat" : "num",
                Markup.Escape(r.Method),
                Format(r.Score),
                Format(r.Threshold),
                r.Detected ? "[red bold]drift[/]" : "[green]no drift[/]",
                c.Missing.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var d = report.DatasetDrift;
        var verdict = d.Detected ? "[red bold]DETECTED[/]" : "[green]not detected[/]";
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Dataset drift {verdict}: {d.DriftedColumns} of {d.Columns} columns drifted (share {Format(d.Share)}, threshold {Format(d.Threshold)}); profile {DriftReportJson.ProfileName(report.Profile)}, {report.ReferenceRows} reference rows, {report.CurrentRows} current rows."));
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("G4", CultureInfo.InvariantCulture);
}
