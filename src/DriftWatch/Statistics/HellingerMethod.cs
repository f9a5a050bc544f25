using DriftWatch.Statistics.Binning;
using DriftWatch.Statistics.Categorical;

namespace DriftWatch.Statistics;

/// <summary>The Hellinger distance (<c>hellinger</c>), as Evidently computes it (both profiles).</summary>
/// <remarks>
/// <para><c>H = sqrt(1 − clip(BC, 0, 1))</c> with the Bhattacharyya coefficient <c>BC = Σ sqrt(p_i·q_i)</c>. In [0, 1],
/// symmetric. Drift when <c>H ≥ threshold</c> (default 0.1).</para>
/// <para>Categorical: <c>p</c>, <c>q</c> are the category proportions. Numerical: numpy's Sturges bins over the
/// <em>distinct values</em> of the union (their count sets the number of bins, their range the edges), density histograms
/// of each sample, <c>BC = Σ sqrt(d_r·d_c)·w</c> with the common bin width <c>w</c>.</para>
/// </remarks>
public sealed class HellingerMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "hellinger";

    /// <inheritdoc/>
    public bool IsTest => false;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => true;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.1;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        SampleGuard.RequireNonEmpty(Name, reference, current);
        var bc = reference.Type == ColumnType.Numerical && reference.Numbers is not null && current.Numbers is not null
            ? NumericalCoefficient(reference, current)
            : CategoricalCoefficient(reference, current);
        var h = Math.Sqrt(1 - Math.Clamp(bc, 0.0, 1.0));
        return new DriftTestResult(Name, h, null, h, threshold, h >= threshold);
    }

    private static double CategoricalCoefficient(ColumnSample reference, ColumnSample current)
    {
        var table = CategoryTable.Build(reference, current);
        double nr = table.ReferenceTotal, nc = table.CurrentTotal;
        var bc = 0.0;
        for (var k = 0; k < table.Count; k++)
        {
            bc += Math.Sqrt(table.Reference[k] / nr * (table.Current[k] / nc));
        }

        return bc;
    }

    private static double NumericalCoefficient(ColumnSample reference, ColumnSample current)
    {
        var (a, b) = ContinuousInput.Sorted(reference, current);
        var distinct = SortedMerge.CountDistinct(a, b);
        var bins = EqualWidthBins.Sturges(Math.Min(a[0], b[0]), Math.Max(a[^1], b[^1]), distinct);
        var rc = new long[bins.Count];
        var cc = new long[bins.Count];
        double nr = bins.CountSortedInto(a, rc);
        double nc = bins.CountSortedInto(b, cc);
        var edges = bins.Edges;
        var width = (edges[^1] - edges[0]) / bins.Count;
        var bc = 0.0;
        for (var i = 0; i < bins.Count; i++)
        {
            // numpy density: count / bin width / total.
            var db = edges[i + 1] - edges[i];
            var d1 = rc[i] / db / nr;
            var d2 = cc[i] / db / nc;
            bc += Math.Sqrt(d1 * d2) * width;
        }

        return bc;
    }
}
