using DriftWatch.Multivariate;
using DriftWatch.Quality;

namespace DriftWatch.Analysis;

/// <summary>One label-free evaluation of a window: estimated quality, multivariate drift, outliers and the drift ranking.</summary>
/// <param name="Rows">Rows in the window.</param>
/// <param name="Estimate">CBPE's estimates, or <see langword="null"/> (not a binary classifier, no labelled reference, or no
/// scored rows).</param>
/// <param name="Reconstruction">The data reconstruction drift and outliers, or <see langword="null"/> when the window is empty.</param>
/// <param name="Ranking">Features ranked by drift severity weighted by model importance, with one-line explanations
/// (empty without a per-feature drift report).</param>
/// <param name="Error">Why part of the evaluation failed, or <see langword="null"/>.</param>
public sealed record LabelFreeSnapshot(
    int Rows,
    CbpeEstimate? Estimate,
    ReconstructionDriftResult? Reconstruction,
    IReadOnlyList<RankedDrift> Ranking,
    string? Error);
