namespace DriftWatch.Statistics;

/// <summary>What <see cref="TieGroupWalk.Run{TVisitor}"/> does with each tie group of two sorted samples.</summary>
/// <remarks>Implement it on a struct and mark <see cref="Visit"/> with <c>MethodImplOptions.AggressiveInlining</c>: the
/// walk is then specialised for the struct and the visit inlined into its loop (no interface or delegate call).</remarks>
internal interface ITieGroupVisitor
{
    /// <summary>Visits one distinct value z of the pooled sample, in ascending order.</summary>
    /// <param name="value">z (for a group of −0.0 and +0.0, either zero).</param>
    /// <param name="startA">#(a &lt; z): the index of the group's first value in a.</param>
    /// <param name="endA">#(a ≤ z): one past the group's last value in a (equal to <paramref name="startA"/> when a has no z).</param>
    /// <param name="startB">#(b &lt; z).</param>
    /// <param name="endB">#(b ≤ z).</param>
    void Visit(double value, int startA, int endA, int startB, int endB);
}
