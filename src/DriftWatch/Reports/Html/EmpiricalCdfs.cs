namespace DriftWatch.Reports.Html;

/// <summary>The empirical CDFs of two numerical samples at chosen points, and where they are farthest apart.</summary>
/// <param name="X">Increasing evaluation points.</param>
/// <param name="Reference">The reference ECDF at each point, <c>F(x) = #{v &lt;= x} / n</c>.</param>
/// <param name="Current">The current ECDF at each point.</param>
/// <param name="MaxDistanceAt">The value where <c>|F_ref − F_cur|</c> is largest (the Kolmogorov–Smirnov statistic's location).</param>
/// <param name="MaxDistance">The Kolmogorov–Smirnov statistic <c>D = max |F_ref − F_cur|</c>.</param>
/// <param name="ReferenceAtMax">The reference ECDF at <paramref name="MaxDistanceAt"/>.</param>
/// <param name="CurrentAtMax">The current ECDF at <paramref name="MaxDistanceAt"/>.</param>
public sealed record EmpiricalCdfs(
    double[] X,
    double[] Reference,
    double[] Current,
    double MaxDistanceAt,
    double MaxDistance,
    double ReferenceAtMax,
    double CurrentAtMax);
