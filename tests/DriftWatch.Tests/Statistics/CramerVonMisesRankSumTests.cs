using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class CramerVonMisesRankSumTests
{
    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(5, 5, false)]
    [InlineData(17, 4, false)]
    [InlineData(1_000, 1_003, false)]
    [InlineData(40_000, 25_000, false)]
    [InlineData(1_000, 1_003, true)]
    [InlineData(40_000, 25_000, true)]
    public void SquaredRankDifferences_RandomSamples_EqualNaiveMidrankSums(int nx, int ny, bool ties)
    {
        var random = new Random(nx * 7 + ny);
        var x = Sample(random, nx, ties);
        var y = Sample(random, ny, ties);

        var (sx, sy) = CramerVonMisesMethod.SquaredRankDifferences(x, y);
        var (ex, ey) = Naive(x, y);

        Precision.AssertRelative(ex, sx, 1e-14);
        Precision.AssertRelative(ey, sy, 1e-14);
    }

    [Fact]
    public void SquaredRankDifferences_CrossTiesAtEveryQuarter_EqualNaiveMidrankSums()
    {
        // Distinct values within each sample, but y repeats x values around the quarters of the pooled order, where the
        // four merge chains of the tie-free path meet: the tie must be noticed and the exact path used.
        var x = Enumerable.Range(0, 400).Select(i => (double)(2 * i)).ToArray();
        var y = Enumerable.Range(0, 400).Select(i => (2 * i) + 1.0).ToArray();
        foreach (var q in new[] { 100, 200, 300 })
        {
            var copy = (double[])y.Clone();
            copy[q] = x[q];
            copy[q - 1] = x[q] - 1;
            Array.Sort(copy);

            var (sx, sy) = CramerVonMisesMethod.SquaredRankDifferences(x, copy);
            var (ex, ey) = Naive(x, copy);

            Precision.AssertRelative(ex, sx, 1e-14);
            Precision.AssertRelative(ey, sy, 1e-14);
        }
    }

    private static double[] Sample(Random random, int n, bool ties)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = random.NextDouble() * 100;
            values[i] = ties ? Math.Round(v) : v;
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>Σ(r − i)² per sample with midranks from sorting the tagged pooled sample (exact in decimal).</summary>
    private static (double Sx, double Sy) Naive(double[] x, double[] y)
    {
        var pooled = x.Select(v => (Value: v, Side: 0)).Concat(y.Select(v => (Value: v, Side: 1))).OrderBy(p => p.Value).ToArray();
        var midrank = new Dictionary<double, decimal>();
        for (var k = 0; k < pooled.Length;)
        {
            var e = k;
            while (e < pooled.Length && pooled[e].Value == pooled[k].Value)
            {
                e++;
            }

            midrank[pooled[k].Value] = (k + 1 + e) / 2m;
            k = e;
        }

        decimal sx = 0, sy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = midrank[x[i]] - (i + 1);
            sx += d * d;
        }

        for (var j = 0; j < y.Length; j++)
        {
            var d = midrank[y[j]] - (j + 1);
            sy += d * d;
        }

        return ((double)sx, (double)sy);
    }
}
