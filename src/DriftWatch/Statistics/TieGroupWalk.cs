namespace DriftWatch.Statistics;

/// <summary>
/// The merge walk over two ascending samples one tie group at a time, shared by the rank-based two-sample methods.
/// </summary>
/// <remarks>
/// <para>For each distinct value z of the pooled sample, in ascending order, the visitor gets #(a &lt; z), #(a ≤ z),
/// #(b &lt; z) and #(b ≤ z): the counts of each side equal to z are the differences, and the group's pooled ranks are
/// #(a &lt; z) + #(b &lt; z) + 1 … #(a ≤ z) + #(b ≤ z). Users: Anderson-Darling (midrank form), Mann-Whitney (rank sum
/// and tie term), the Kolmogorov-Smirnov statistic and the CDF distances (Wasserstein-1, energy distance) on sorted
/// samples. Cramér-von Mises keeps its own merges, which measured faster (see there).</para>
/// <para>O(n₁ + n₂), no allocation. The visitor is a struct type argument, so the JIT compiles one copy of the loop per
/// visitor with its <see cref="ITieGroupVisitor.Visit"/> inlined: no delegate and no interface call in the loop, and the
/// indices, the spans and the fields of the visitor's local copy are locals of that loop, as in a hand-written merge. A
/// lone value (no equal value on either side) is visited without entering the group loops. Measured on 1M + 1M sorted
/// values against the hand-written merges it replaced: faster on untied data (Anderson-Darling about 20%, the others a
/// few percent) and on heavy ties (values rounded to 1e-2: up to 40%); on half-tied data (rounded to 1e-5), where the
/// lone-value test is hard to predict, 3-5% more CPU time in a direct timing and 5-15% in BenchmarkDotNet wall time
/// (TieGroupWalkBenchmark).</para>
/// <para>Edge cases: an empty side contributes nothing (its counts stay 0), two empty sides give no visit. A group takes
/// every value ≤ the smaller head, so −0.0 and +0.0 form one group (as in scipy's <c>rankdata</c> and
/// <c>searchsorted</c>) in whatever order the sort left them. Both samples must be sorted ascending and NaN-free: a
/// NaN head would never be consumed.</para>
/// <threadsafety>Stateless; the visitor belongs to the caller.</threadsafety>
/// </remarks>
internal static class TieGroupWalk
{
    /// <summary>Calls <paramref name="visitor"/> once per distinct pooled value, in ascending order.</summary>
    /// <typeparam name="TVisitor">The visitor, a struct so that the loop is specialised and the visit inlined.</typeparam>
    /// <param name="a">The first sample, sorted ascending, NaN-free (may be empty).</param>
    /// <param name="b">The second sample, sorted ascending, NaN-free (may be empty).</param>
    /// <param name="visitor">The visitor, updated in place.</param>
    public static void Run<TVisitor>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ref TVisitor visitor)
        where TVisitor : struct, ITieGroupVisitor
    {
        // A local copy: the JIT can keep its fields in registers through the loop, which it cannot do through the
        // reference.
        var state = visitor;
        int i = 0, j = 0;

        // Indices stay below the lengths, so i + 1 cannot overflow: unchecked spares the overflow tests.
        unchecked
        {
            while (i < a.Length || j < b.Length)
            {
                // +∞ stands for a used-up side; a real +∞ still works: it never wins a strict comparison, so it goes to
                // the group path, which stops at the ends.
                var x = i < a.Length ? a[i] : double.PositiveInfinity;
                var y = j < b.Length ? b[j] : double.PositiveInfinity;

                // A lone value (the common case on continuous data) without the group loops: one unpredictable branch
                // (which head is smaller) instead of three.
                if (x < y && (i + 1 == a.Length || a[i + 1] != x))
                {
                    state.Visit(x, i, i + 1, j, j);
                    i++;
                    continue;
                }

                if (y < x && (j + 1 == b.Length || b[j + 1] != y))
                {
                    state.Visit(y, i, i, j, j + 1);
                    j++;
                    continue;
                }

                // A tie group (or equal heads, including −0.0 against +0.0): take every value ≤ the smaller head.
                var v = Math.Min(x, y);
                int i0 = i, j0 = j;
                while (i < a.Length && a[i] <= v)
                {
                    i++;
                }

                while (j < b.Length && b[j] <= v)
                {
                    j++;
                }

                state.Visit(v, i0, i, j0, j);
            }
        }

        visitor = state;
    }
}
