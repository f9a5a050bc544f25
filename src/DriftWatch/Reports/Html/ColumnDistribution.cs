using DriftWatch.Statistics;

namespace DriftWatch.Reports.Html;

/// <summary>
/// What the HTML report draws for one column, beyond the numbers of the <see cref="Analysis.DriftReport"/>: the two
/// samples' distributions, computed from the data by <see cref="ColumnDistributions.Compute"/> (the CLI) or from a
/// reference profile and a window (the service).
/// </summary>
/// <param name="Column">The column name (matches <see cref="Analysis.ColumnDriftResult.Column"/>).</param>
/// <param name="Type">How the column was compared.</param>
/// <param name="Histogram">Numerical columns: both samples counted on the same equal-width bins; otherwise <see langword="null"/>.</param>
/// <param name="Categories">Categorical columns: counts per category; otherwise <see langword="null"/>.</param>
/// <param name="MethodBins">The bins a binned method (psi, kl_div, jensenshannon) used on a numerical column, e.g. the
/// reference deciles of the native profile; <see langword="null"/> when no binned method ran.</param>
/// <param name="Cdf">The empirical CDFs, for CDF-based methods (ks, cramer_von_mises, anderson, wasserstein);
/// otherwise <see langword="null"/>.</param>
public sealed record ColumnDistribution(
    string Column,
    ColumnType Type,
    NumericHistogram? Histogram,
    BinnedCounts? Categories,
    BinnedCounts? MethodBins,
    EmpiricalCdfs? Cdf);
