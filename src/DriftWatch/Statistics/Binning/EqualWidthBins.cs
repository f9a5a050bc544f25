namespace DriftWatch.Statistics.Binning;

/// <summary>
/// Equal-width histogram bins as numpy builds them for <c>numpy.histogram_bin_edges(data, bins="sturges")</c>, counted as
/// <c>numpy.histogram</c> counts with an array of edges.
/// </summary>
/// <remarks>
/// <para>Edges: <c>first = min</c>, <c>last = max</c> (widened to <c>min − 0.5</c>, <c>max + 0.5</c> when equal);
/// width <c>h = (max − min) / (log2(size) + 1)</c>; <c>n = ceil((last − first) / h)</c> bins (one when <c>h = 0</c>);
/// edge <c>i</c> is <c>i · ((last − first) / n) + first</c> and the last edge is exactly <c>last</c> (numpy's linspace).</para>
/// <para>Counting: bin <c>i</c> holds <c>edge[i] ≤ x &lt; edge[i + 1]</c>, the last bin also holds <c>x = last</c>;
/// values outside <c>[first, last]</c> are not counted.</para>
/// <para>When <c>max − min</c> overflows to +∞ (finite values of both signs near ±1.8e308, such as <c>double.MinValue</c>
/// and <c>double.MaxValue</c> used as sentinels) no bins exist: numpy raises there too (its bin count is <c>ceil(∞ / ∞)</c>).</para>
/// </remarks>
internal sealed class EqualWidthBins
{
    private readonly double[] _edges;
    private readonly double _first;
    private readonly double _step;

    private EqualWidthBins(double[] edges, double step)
    {
        _edges = edges;
        _first = edges[0];
        _step = step;
    }

    /// <summary>Gets the edges (one more than the bins).</summary>
    public ReadOnlySpan<double> Edges => _edges;

    /// <summary>Gets the number of bins.</summary>
    public int Count => _edges.Length - 1;

    /// <summary>Builds numpy's Sturges bins for data with the given minimum, maximum and size.</summary>
    /// <param name="min">The data minimum (finite).</param>
    /// <param name="max">The data maximum (finite).</param>
    /// <param name="size">The number of data points (positive).</param>
    /// <returns>The bins.</returns>
    /// <exception cref="DriftMethodException">The range <c>max − min</c> is larger than the largest double.</exception>
    public static EqualWidthBins Sturges(double min, double max, long size)
    {
        if (!double.IsFinite(max - min))
        {
            ThrowRangeOverflow(min, max);
        }

        var first = min;
        var last = max;
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        var width = (max - min) / (Math.Log2(size) + 1.0);
        var n = width != 0 ? checked((int)Math.Ceiling((last - first) / width)) : 1;

        // numpy.linspace(first, last, n + 1): y = i * step + start, last element set to stop.
        var edges = new double[n + 1];
        var delta = last - first;
        var step = delta / n;
        for (var i = 0; i < n; i++)
        {
            edges[i] = step == 0 ? (i / (double)n * delta) + first : (i * step) + first;
        }

        edges[n] = last;
        return new EqualWidthBins(edges, step);
    }

    private static void ThrowRangeOverflow(double min, double max) =>
        throw new DriftMethodException(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The values span from {min:R} to {max:R}, a range larger than the largest double, so equal-width bins cannot be built."));

    /// <summary>Adds the count of each bin to <paramref name="counts"/>.</summary>
    /// <param name="values">The values (finite).</param>
    /// <param name="counts">One counter per bin.</param>
    /// <returns>How many values fell inside the bins.</returns>
    public long CountInto(ReadOnlySpan<double> values, Span<long> counts)
    {
        var edges = _edges;
        var n = edges.Length - 1;
        var first = edges[0];
        var last = edges[n];
        var inverseStep = _step > 0 ? 1.0 / _step : 0.0;
        long inside = 0;
        foreach (var x in values)
        {
            if (!(x >= first && x <= last))
            {
                continue;
            }

            // Guess by arithmetic, then settle against the actual edges so the result equals a search on them.
            var k = (int)Math.Min(n - 1, Math.Max(0.0, (x - _first) * inverseStep));
            while (k > 0 && x < edges[k])
            {
                k--;
            }

            while (k < n - 1 && x >= edges[k + 1])
            {
                k++;
            }

            counts[k]++;
            inside++;
        }

        return inside;
    }

    /// <summary>Adds the count of each bin to <paramref name="counts"/> for values sorted ascending, by binary search at each
    /// edge; the same counts as <see cref="CountInto"/>.</summary>
    /// <param name="sorted">The values (finite), ascending.</param>
    /// <param name="counts">One counter per bin.</param>
    /// <returns>How many values fell inside the bins.</returns>
    public long CountSortedInto(ReadOnlySpan<double> sorted, Span<long> counts)
    {
        var edges = _edges;
        var n = edges.Length - 1;

        // Bin k < n − 1 holds edge[k] ≤ x < edge[k + 1]; the last bin also holds x = last.
        var start = SortedSearch.LowerBound(sorted, edges[0]);
        var end = SortedSearch.UpperBound(sorted, edges[n]);
        var previous = start;
        for (var k = 0; k < n - 1; k++)
        {
            var below = Math.Clamp(SortedSearch.LowerBound(sorted, edges[k + 1]), previous, end);
            counts[k] += below - previous;
            previous = below;
        }

        counts[n - 1] += end - previous;
        return end - start;
    }
}
