namespace DriftWatch.Statistics;

/// <summary>
/// Single merge passes over two ascending samples: distances between empirical CDFs and rank sums with ties.
/// </summary>
/// <remarks>
/// Each pass walks the distinct values of the pooled sample once, in O(n₁ + n₂), with no allocation. Values equal
/// on both sides are handled as scipy's <c>searchsorted(side="right")</c> and <c>rankdata(method="average")</c>
/// do.
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class SortedMerge
{
    /// <summary>∫|F₁ − F₂|^p dx for p = 1 or 2 (scipy's <c>_cdf_distance</c> before the root).</summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <param name="squared">Use (F₁ − F₂)² (energy distance) instead of |F₁ − F₂| (Wasserstein-1).</param>
    /// <returns>Σ over gaps of the pooled sample of |F₁ − F₂|^p · gap.</returns>
    public static double CdfDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, bool squared)
    {
        int n1 = a.Length, n2 = b.Length;
        int i = 0, j = 0;
        double sum = 0, comp = 0;
        var v = Math.Min(a[0], b[0]);
        while (true)
        {
            while (i < n1 && a[i] <= v)
            {
                i++;
            }

            while (j < n2 && b[j] <= v)
            {
                j++;
            }

            if (i == n1 && j == n2)
            {
                break;
            }

            var next = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
            var diff = ((double)i / n1) - ((double)j / n2);
            var term = (squared ? diff * diff : Math.Abs(diff)) * (next - v);

            // Neumaier summation: the terms are non-negative, but a million of them still lose digits.
            var t = sum + term;
            comp += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            v = next;
        }

        return sum + comp;
    }

    /// <summary>
    /// Twice the rank sum of the first sample in the pooled sample (average ranks for ties, so the doubled sum is an
    /// integer) and the tie term Σ (t³ − t) over groups of equal values.
    /// </summary>
    /// <param name="a">The first sample, sorted.</param>
    /// <param name="b">The second sample, sorted.</param>
    /// <returns>2·R₁ and the tie term, exact.</returns>
    public static (long TwiceRankSum1, Int128 TieTerm) RankSum(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n1 = a.Length, n2 = b.Length;
        int i = 0, j = 0;
        long pos = 0, twiceR1 = 0;
        Int128 tie = 0;
        while (i < n1 || j < n2)
        {
            var v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
            int i0 = i, j0 = j;
            while (i < n1 && a[i] <= v)
            {
                i++;
            }

            while (j < n2 && b[j] <= v)
            {
                j++;
            }

            long c1 = i - i0, c = c1 + (j - j0);

            // Ranks pos+1 .. pos+c average to pos + (c + 1)/2; doubled: 2·pos + c + 1.
            twiceR1 += c1 * ((2 * pos) + c + 1);
            if (c > 1)
            {
                tie += ((Int128)c * c * c) - c;
            }

            pos += c;
        }

        return (twiceR1, tie);
    }
}
