using System.Globalization;
using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>Loads the committed reference streams and runs detectors over them.</summary>
internal static class DetectorStreams
{
    public static double[] Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "detectors", name + ".csv");
        return File.ReadLines(path).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
    }

    public static (List<int> Drifts, List<int> Warnings) Run(IDriftDetector detector, IEnumerable<double> stream)
    {
        var drifts = new List<int>();
        var warnings = new List<int>();
        int i = 0;
        foreach (double x in stream)
        {
            detector.Update(x);
            if (detector.DriftDetected)
            {
                drifts.Add(i);
            }

            if (detector.WarningDetected)
            {
                warnings.Add(i);
            }

            i++;
        }

        return (drifts, warnings);
    }

    public static List<int> Drifts(IDriftDetector detector, IEnumerable<double> stream) => Run(detector, stream).Drifts;

    /// <summary>River's docstring loop: print the first warning, then again only after a drift.</summary>
    public static List<(string Kind, int Index)> DocstringEvents(IDriftDetector detector, IEnumerable<double> stream)
    {
        var events = new List<(string, int)>();
        bool printWarning = true;
        int i = 0;
        foreach (double x in stream)
        {
            detector.Update(x);
            if (detector.WarningDetected && printWarning)
            {
                events.Add(("warning", i));
                printWarning = false;
            }

            if (detector.DriftDetected)
            {
                events.Add(("change", i));
                printWarning = true;
            }

            i++;
        }

        return events;
    }
}
