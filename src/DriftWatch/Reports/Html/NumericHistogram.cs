namespace DriftWatch.Reports.Html;

/// <summary>Counts of two samples on the same equal-width bins.</summary>
/// <param name="Edges">The bin edges, strictly increasing, one more than the bins (finite).</param>
/// <param name="Reference">Reference counts per bin.</param>
/// <param name="Current">Current counts per bin.</param>
/// <remarks>Bins are <c>[e_i, e_{i+1})</c>, the last one closed, as <c>numpy.histogram</c> counts them.</remarks>
public sealed record NumericHistogram(double[] Edges, long[] Reference, long[] Current);
