using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>One configured detector per registry name, with the reference stream that exercises it (drifts included).</summary>
internal static class DetectorCases
{
    public static readonly string[] Binary = ["ddm", "eddm", "hddm-a", "hddm-w", "fhddm"];

    public static TheoryData<string> Names => [.. DriftDetectors.Names];

    public static IDriftDetector Create(string name) => name switch
    {
        "kswin" => DriftDetectors.Create(name, new Dictionary<string, string> { ["alpha"] = "0.0001", ["seed"] = "42" }),
        "hddm-a" or "hddm-w" => DriftDetectors.Create(name, new Dictionary<string, string> { ["two_sided_test"] = "true" }),
        "fhddm" => DriftDetectors.Create(name, new Dictionary<string, string> { ["short_window_size"] = "20" }),
        _ => DriftDetectors.Create(name),
    };

    public static double[] Stream(string name) => name switch
    {
        "fhddm" => DetectorStreams.Load("fhddm_42"),
        "cusum" => DetectorStreams.Load("cusum_12345"),
        "ewma" => DetectorStreams.Load("ewma_12345"),
        "shewhart" => DetectorStreams.Load("shewhart_12345"),
        _ when Binary.Contains(name) => DetectorStreams.Load("binary_42"),
        _ => DetectorStreams.Load("adwin_regression_42"),
    };
}
