namespace DriftWatch.Reports.Html;

/// <summary>Counts of two samples over labelled bins (categories, or the intervals a method used).</summary>
/// <param name="Title">What the bins are, e.g. <c>Categories</c> or <c>psi bins: reference deciles</c>.</param>
/// <param name="Labels">One label per bin.</param>
/// <param name="Reference">Reference counts per bin.</param>
/// <param name="Current">Current counts per bin.</param>
public sealed record BinnedCounts(string Title, string[] Labels, long[] Reference, long[] Current);
