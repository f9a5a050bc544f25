namespace DriftWatch.AspNetCore.Overview;

/// <summary>One model on the overview page (and in <c>GET /v1/overview</c>).</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Task">Its task (classification, regression).</param>
/// <param name="Features">How many input features it has.</param>
/// <param name="Predictions">Predictions served since the service started.</param>
/// <param name="Requests">Successful predict requests since the service started.</param>
/// <param name="MeanLatencyMs">Mean predict-request duration in milliseconds, or <see langword="null"/> before the first request.</param>
/// <param name="P99LatencyMs">The 99th percentile of the predict-request duration in milliseconds since the service
/// started, estimated from the latency histogram's buckets as <c>histogram_quantile</c> does, or <see langword="null"/>
/// before the first request.</param>
/// <param name="Labelled">Labelled predictions in the quality window.</param>
/// <param name="Accuracy">Accuracy over the labelled window, or <see langword="null"/> without labels (or for regression).</param>
/// <param name="MeanAbsoluteError">Mean absolute error over the labelled window (regression), or <see langword="null"/>.</param>
/// <param name="EstimatedAccuracy">The label-free (CBPE) accuracy estimate, or <see langword="null"/> when not available.</param>
/// <param name="Drift">The latest drift snapshot's summary, or <see langword="null"/> when the model has no reference data.</param>
internal sealed record OverviewModel(
    string Name,
    string Version,
    string Task,
    int Features,
    long Predictions,
    long Requests,
    double? MeanLatencyMs,
    double? P99LatencyMs,
    int Labelled,
    double? Accuracy,
    double? MeanAbsoluteError,
    double? EstimatedAccuracy,
    OverviewDrift? Drift)
{
    /// <summary>Gets the display text of each cell (see <see cref="OverviewText.Cells"/>).</summary>
    public IReadOnlyDictionary<string, string> Display => OverviewText.Cells(this);
}
