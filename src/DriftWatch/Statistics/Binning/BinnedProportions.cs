namespace DriftWatch.Statistics.Binning;

/// <summary>Turns a reference and a current sample into proportions over common bins, under either profile.</summary>
/// <remarks>
/// <para><b>Evidently</b> (Evidently 0.7's <c>get_binned_data</c>): a numerical column whose reference has more than
/// 20 distinct values is cut into numpy's Sturges equal-width bins over the combined range of both samples
/// (<see cref="EqualWidthBins"/>); anything else gets one bin per distinct value of the union. Proportions are counts
/// divided by the side's size; zeros are optionally filled by <see cref="Divergence.FillZerosEvidently"/>.</para>
/// <para><b>Native</b>: a numerical column is cut at the reference's deciles (<see cref="QuantileBins"/>), so bins depend
/// on the reference alone; a categorical column gets one bin per category of the union. Zero proportions become 1e-4 and
/// both sides are renormalised (<see cref="Divergence.FillZerosNative"/>).</para>
/// </remarks>
internal static class BinnedProportions
{
    /// <summary>Evidently bins a numerical reference with more than this many distinct values by Sturges' rule.</summary>
    public const int EvidentlyDistinctLimit = 20;

    /// <summary>Computes Evidently's binned proportions.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <param name="fillZeros">Whether to fill zero proportions (psi and kl_div do, jensenshannon does not).</param>
    /// <returns>The reference and current proportions, bin by bin.</returns>
    public static (double[] Reference, double[] Current) Evidently(ColumnSample reference, ColumnSample current, bool fillZeros)
    {
        double[] r;
        double[] c;
        if (reference.Type == ColumnType.Numerical && reference.Numbers is { } refValues && current.Numbers is { } curValues
            && HasMoreDistinctThan(refValues, EvidentlyDistinctLimit))
        {
            var (min, max) = Extremes.Of(refValues, curValues);
            var bins = EqualWidthBins.Sturges(min, max, (long)refValues.Length + curValues.Length);
            var rc = new long[bins.Count];
            var cc = new long[bins.Count];
            bins.CountInto(refValues, rc);
            bins.CountInto(curValues, cc);
            r = Divide(rc, refValues.Length);
            c = Divide(cc, curValues.Length);
        }
        else
        {
            var table = CategoryTable.Build(reference, current);
            r = Divide(table.Reference, table.ReferenceTotal);
            c = Divide(table.Current, table.CurrentTotal);
        }

        if (fillZeros)
        {
            Divergence.FillZerosEvidently(r);
            Divergence.FillZerosEvidently(c);
        }

        return (r, c);
    }

    /// <summary>Computes the native binned proportions (reference deciles or categories; zeros filled, renormalised).</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The reference and current proportions, bin by bin.</returns>
    public static (double[] Reference, double[] Current) Native(ColumnSample reference, ColumnSample current)
    {
        long[] rc;
        long[] cc;
        if (reference.Type == ColumnType.Numerical && reference.Numbers is { } refValues && current.Numbers is { } curValues)
        {
            // A reference sorted earlier (by another method, or a reused reference) gives the edges and its counts by
            // binary search; otherwise selection plus one counting pass is cheaper than sorting.
            var sorted = reference.SortedIfComputed;
            var bins = sorted is null ? QuantileBins.FromUnsorted(refValues) : QuantileBins.FromSorted(sorted);
            rc = new long[bins.Count];
            cc = new long[bins.Count];
            if (sorted is null)
            {
                bins.CountInto(refValues, rc);
            }
            else
            {
                bins.CountSortedInto(sorted, rc);
            }

            bins.CountInto(curValues, cc);
        }
        else
        {
            var table = CategoryTable.Build(reference, current);
            rc = table.Reference;
            cc = table.Current;
        }

        return NativeFromCounts(rc, cc);
    }

    /// <summary>Turns bin counts into native proportions: divide by the total, replace zeros by 1e-4, renormalise.</summary>
    /// <param name="referenceCounts">The reference count per bin.</param>
    /// <param name="currentCounts">The current count per bin.</param>
    /// <returns>The reference and current proportions.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a side has no values.</exception>
    public static (double[] Reference, double[] Current) NativeFromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        if (referenceCounts.Length != currentCounts.Length)
        {
            throw new ArgumentException("Both sides need the same bins.", nameof(currentCounts));
        }

        var r = Divide(referenceCounts, Total(referenceCounts));
        var c = Divide(currentCounts, Total(currentCounts));
        Divergence.FillZerosNative(r);
        Divergence.FillZerosNative(c);
        return (r, c);
    }

    private static long Total(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (var n in counts)
        {
            total += n;
        }

        return total > 0 ? total : throw new ArgumentException("A side has no values.", nameof(counts));
    }

    private static double[] Divide(ReadOnlySpan<long> counts, long total)
    {
        var result = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            result[i] = counts[i] / (double)total;
        }

        return result;
    }

    /// <summary>Whether the values have more than <paramref name="limit"/> distinct values; stops as soon as they do.</summary>
    private static bool HasMoreDistinctThan(ReadOnlySpan<double> values, int limit)
    {
        // A small linear set: continuous data exits after limit + 1 values, discrete data compares with at most limit keys.
        Span<double> seen = stackalloc double[limit + 1];
        var count = 0;
        foreach (var v in values)
        {
            var found = false;
            for (var i = 0; i < count; i++)
            {
                if (seen[i] == v)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                seen[count++] = v;
                if (count > limit)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
