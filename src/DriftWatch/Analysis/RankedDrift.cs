namespace DriftWatch.Analysis;

/// <summary>One feature's place in the importance-weighted drift ranking.</summary>
/// <param name="Rank">1-based rank (1 = matters most).</param>
/// <param name="Feature">The feature name.</param>
/// <param name="Method">The drift method whose result was used (the most severe when several ran).</param>
/// <param name="Score">That method's drift score (p-value or distance).</param>
/// <param name="Detected">Whether that method detected drift.</param>
/// <param name="Severity">The score relative to its threshold (1 at the threshold, larger = more drift); see <see cref="DriftRanking"/>.</param>
/// <param name="ImportanceShare">The feature's share of the model's total positive importance (equal shares when unknown).</param>
/// <param name="WeightedScore">Severity × importance share: the ranking key.</param>
/// <param name="Explanation">One line on what changed, when given.</param>
public sealed record RankedDrift(
    int Rank,
    string Feature,
    string Method,
    double Score,
    bool Detected,
    double Severity,
    double ImportanceShare,
    double WeightedScore,
    string? Explanation);
