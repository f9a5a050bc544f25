namespace DriftWatch.Statistics;

/// <summary>The normalised Wasserstein-1 distance (<c>wasserstein</c>).</summary>
/// <remarks>
/// <para>W₁ = ∫ |F_ref(x) − F_cur(x)| dx (scipy's <c>wasserstein_distance</c>), divided by
/// max(σ_ref, 0.001) where σ_ref is the population standard deviation of the reference (Evidently's normalisation).</para>
/// <para>Score = the normalised distance; default threshold 0.1; drift when d ≥ threshold. Same in both profiles.</para>
/// <para>Computed in one merge pass when both samples are already sorted (cached); otherwise, from 8192 values on,
/// by <see cref="BucketedWasserstein"/>, which sorts only the value ranges where F_ref − F_cur changes sign.</para>
/// </remarks>
internal sealed class WassersteinMethod : IDriftMethod
{
    /// <inheritdoc/>
    public string Name => "wasserstein";

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
        var w = double.NaN;
        if ((reference.SortedIfComputed is null || current.SortedIfComputed is null)
            && reference.Count + current.Count >= BucketedWasserstein.MinimumPooled)
        {
            w = BucketedWasserstein.Distance(reference.Numbers!, current.Numbers!);
        }

        if (double.IsNaN(w))
        {
            var (r, c) = ContinuousInput.Sorted(reference, current);
            w = SortedMerge.CdfDistance(r, c, squared: false);
        }

        var norm = Math.Max(PopulationStd(reference.Numbers!), 0.001);
        return ContinuousInput.DistanceResult(Name, w / norm, threshold, inclusive: true);
    }

    /// <summary>The population standard deviation, two-pass (as <c>numpy.std</c>).</summary>
    /// <param name="x">The values.</param>
    /// <returns>sqrt(mean((x − mean)²)).</returns>
    internal static double PopulationStd(ReadOnlySpan<double> x)
    {
        var mean = Moments.Mean(x);
        return Math.Sqrt(Moments.SumSquaredDeviations(x, mean) / x.Length);
    }
}
