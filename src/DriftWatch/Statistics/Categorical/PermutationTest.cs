namespace DriftWatch.Statistics.Categorical;

/// <summary>A seeded permutation test of the total variation distance between two categorical samples.</summary>
/// <remarks>
/// <para>The pooled labels are split at random into groups of the original sizes <see cref="Iterations"/> times (a partial
/// Fisher–Yates shuffle drawing the smaller group, with <see cref="Random"/> seeded by <see cref="Seed"/>, so results are
/// reproducible). Distances are compared exactly as integers: <c>TVD · n_r · n_c = ½ Σ |r_k n_c − c_k n_r|</c>.</para>
/// <para>Evidently's p-value is <c>#{permuted ≥ observed} / B</c> (it can be 0); the native one is the valid
/// <c>(1 + #{permuted ≥ observed}) / (B + 1)</c>.</para>
/// </remarks>
internal static class PermutationTest
{
    /// <summary>The number of permutations (Evidently's).</summary>
    public const int Iterations = 1000;

    /// <summary>The seed (Evidently seeds numpy with 0).</summary>
    public const int Seed = 0;

    /// <summary>Computes the total variation distance <c>½ Σ |r_k / n_r − c_k / n_c|</c>.</summary>
    /// <param name="reference">The reference count per category.</param>
    /// <param name="current">The current count per category.</param>
    /// <returns>The distance in [0, 1].</returns>
    public static double TotalVariation(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        double nr = Sum(reference), nc = Sum(current);
        var sum = 0.0;
        for (var k = 0; k < reference.Length; k++)
        {
            sum += Math.Abs((reference[k] / nr) - (current[k] / nc));
        }

        return 0.5 * sum;
    }

    /// <summary>Counts the permutations whose distance is at least the observed one.</summary>
    /// <param name="reference">The reference count per category.</param>
    /// <param name="current">The current count per category.</param>
    /// <returns>How many of the <see cref="Iterations"/> permuted distances reach the observed distance.</returns>
    public static int CountAtLeastObserved(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        var k = reference.Length;
        var nr = Sum(reference);
        var nc = Sum(current);
        var observed = ScaledDistance(reference, current, nr, nc);
        var pooled = new int[checked((int)(nr + nc))];
        var totals = new long[k];
        var p = 0;
        for (var j = 0; j < k; j++)
        {
            totals[j] = reference[j] + current[j];
            for (long i = 0; i < totals[j]; i++)
            {
                pooled[p++] = j;
            }
        }

        // Draw the smaller group; the distance is symmetric in the two groups.
        var drawReference = nr <= nc;
        var draw = (int)(drawReference ? nr : nc);
        var drawn = new long[k];
        var other = new long[k];
        var random = new Random(Seed);
        var atLeast = 0;
        for (var it = 0; it < Iterations; it++)
        {
            Array.Clear(drawn);
            for (var i = 0; i < draw; i++)
            {
                var j = random.Next(i, pooled.Length);
                (pooled[i], pooled[j]) = (pooled[j], pooled[i]);
                drawn[pooled[i]]++;
            }

            for (var j = 0; j < k; j++)
            {
                other[j] = totals[j] - drawn[j];
            }

            var d = drawReference ? ScaledDistance(drawn, other, nr, nc) : ScaledDistance(other, drawn, nr, nc);
            if (d >= observed)
            {
                atLeast++;
            }
        }

        return atLeast;
    }

    // Σ |r_k n_c − c_k n_r| = 2 · TVD · n_r · n_c, exact in integers.
    private static long ScaledDistance(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, long nr, long nc)
    {
        long sum = 0;
        for (var k = 0; k < reference.Length; k++)
        {
            sum += Math.Abs((reference[k] * nc) - (current[k] * nr));
        }

        return sum;
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
