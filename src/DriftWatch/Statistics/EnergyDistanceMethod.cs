namespace DriftWatch.Statistics;

/// <summary>The energy distance (<c>ed</c>).</summary>
/// <remarks>
/// <para>E = sqrt(2 ∫ (F_ref(x) − F_cur(x))² dx), scipy's <c>energy_distance</c> (the raw distance, not
/// normalised: Evidently compares it with the threshold as is, so its meaning depends on the column's scale).</para>
/// <para>Score = E; default threshold 0.1; drift when E &gt; threshold (strict, as Evidently). Same in both
/// profiles.</para>
/// </remarks>
internal sealed class EnergyDistanceMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "ed";

    /// <inheritdoc/>
    public bool IsTest => false;

    /// <inheritdoc/>
    public bool Supports(ColumnType type) => type == ColumnType.Numerical;

    /// <inheritdoc/>
    public double DefaultThreshold(DriftProfile profile) => 0.1;

    /// <inheritdoc/>
    public DriftTestResult Compute(ColumnSample reference, ColumnSample current, DriftProfile profile, double threshold)
    {
        ContinuousInput.Require(Name, reference, current);
        var (r, c) = ContinuousInput.Sorted(reference, current);
        var e = Math.Sqrt(2.0) * Math.Sqrt(SortedMerge.CdfDistance(r, c, squared: true));
        return ContinuousInput.DistanceResult(Name, e, threshold, inclusive: false);
    }
}
