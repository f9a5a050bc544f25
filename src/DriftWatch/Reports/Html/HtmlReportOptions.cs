namespace DriftWatch.Reports.Html;

/// <summary>Options for <see cref="HtmlReportRenderer"/>.</summary>
public sealed class HtmlReportOptions
{
    /// <summary>Gets or sets the page title and heading.</summary>
    /// <value>The default value is <c>Drift report</c>.</value>
    public string Title { get; set; } = "Drift report";

    /// <summary>Gets or sets the name shown for the reference data (e.g. its file name); <see langword="null"/> for none.</summary>
    public string? ReferenceName { get; set; }

    /// <summary>Gets or sets the name shown for the current data; <see langword="null"/> for none.</summary>
    public string? CurrentName { get; set; }

    /// <summary>Gets or sets when the report was made (shown in UTC); <see langword="null"/> to leave it out, which
    /// keeps the output reproducible.</summary>
    public DateTimeOffset? GeneratedAt { get; set; }
}
