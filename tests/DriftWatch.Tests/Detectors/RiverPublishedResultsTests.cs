using DriftWatch.Detectors;
using static DriftWatch.Tests.Detectors.DetectorStreams;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// Every result River 0.26 publishes for its detectors, in its docstrings and its test suite
/// (river/drift/*.py, river/drift/test_drift_detectors.py, river/drift/test_adwin_regression.py).
/// Streams come from tests/reference/detector_streams.py.
/// </summary>
public sealed class RiverPublishedResultsTests
{
    [Fact]
    public void Adwin_DocstringStream_DriftAt1023()
    {
        Assert.Equal([1023], Drifts(new Adwin(), Load("docstring_12345")));
    }

    [Fact]
    public void Adwin_TestStream1_DriftAt1023()
    {
        Assert.Equal([1023], Drifts(new Adwin(), Load("ds1")));
    }

    [Fact]
    public void Adwin_RegressionFourSegments_DriftsAt1023_2015_3007()
    {
        Assert.Equal([1023, 2015, 3007], Drifts(new Adwin(), Load("adwin_regression_42")));
    }

    [Fact]
    public void PageHinkley_DocstringStream_DriftAt1006()
    {
        Assert.Equal([1006], Drifts(new PageHinkley(), Load("docstring_12345")));
    }

    [Theory]
    [InlineData(DetectorMode.Up, new[] { 588, 1681 })]
    [InlineData(DetectorMode.Down, new[] { 1172 })]
    [InlineData(DetectorMode.Both, new[] { 588, 1097, 1585 })]
    public void PageHinkley_TestStream3_MatchesRiver(DetectorMode mode, int[] expected)
    {
        Assert.Equal(expected, Drifts(new PageHinkley(new PageHinkleyOptions { Mode = mode }), Load("ds3")));
    }

    [Fact]
    public void Ddm_BinaryDocstringStream_WarningChangeWarning()
    {
        var events = DocstringEvents(new Ddm(), Load("binary_42"));

        Assert.Equal([("warning", 1084), ("change", 1334), ("warning", 1492)], events);
    }

    [Fact]
    public void Ddm_TestStream2_DriftAt1049()
    {
        Assert.Equal([1049], Drifts(new Ddm(), Load("ds2")));
    }

    [Fact]
    public void Ddm_AllOnes_NoDrift()
    {
        Assert.Empty(Drifts(new Ddm(), Enumerable.Repeat(1.0, 1000)));
    }

    [Fact]
    public void Eddm_BinaryDocstringStream_WarningThenChange()
    {
        var events = DocstringEvents(new Eddm(new EddmOptions { Alpha = 0.8, Beta = 0.75 }), Load("binary_42"));

        Assert.Equal([("warning", 1059), ("change", 1278)], events);
    }

    [Fact]
    public void Eddm_TestStream2_DriftAt1059()
    {
        Assert.Equal([1059], Drifts(new Eddm(new EddmOptions { Alpha = 0.9, Beta = 0.8 }), Load("ds2")));
    }

    [Fact]
    public void HddmA_BinaryDocstringStream_WarningThenChange()
    {
        var events = DocstringEvents(new HddmA(), Load("binary_42"));

        Assert.Equal([("warning", 451), ("change", 1206)], events);
    }

    [Fact]
    public void HddmA_TestStream2_DriftAt1047()
    {
        Assert.Equal([1047], Drifts(new HddmA(), Load("ds2")));
    }

    [Fact]
    public void HddmA_TwoSidedTestStream3_DriftsAt531_1015_1545()
    {
        Assert.Equal([531, 1015, 1545], Drifts(new HddmA(new HddmAOptions { TwoSidedTest = true }), Load("ds3")));
    }

    [Fact]
    public void HddmW_BinaryDocstringStream_WarningThenChange()
    {
        var events = DocstringEvents(new HddmW(), Load("binary_42"));

        Assert.Equal([("warning", 451), ("change", 1077)], events);
    }

    [Fact]
    public void HddmW_TestStream2_DriftAt1018()
    {
        Assert.Equal([1018], Drifts(new HddmW(), Load("ds2")));
    }

    [Fact]
    public void HddmW_TwoSidedTestStream3_DriftsAt507_1032_1508()
    {
        Assert.Equal([507, 1032, 1508], Drifts(new HddmW(new HddmWOptions { TwoSidedTest = true }), Load("ds3")));
    }

    [Fact]
    public void Fhddm_DocstringStream_ClassicAndStackedTogetherAt279And315()
    {
        var stream = Load("fhddm_42");
        var classic = new Fhddm();
        var stacked = new Fhddm(new FhddmOptions { ShortWindowSize = 20 });
        var either = new List<int>();
        for (int i = 0; i < stream.Length; i++)
        {
            classic.Update(stream[i]);
            stacked.Update(stream[i]);
            if (classic.DriftDetected || stacked.DriftDetected)
            {
                either.Add(i);
            }
        }

        Assert.Equal([279, 315], either);
    }

    [Fact]
    public void Cusum_DocstringStream_DriftsAt201And251()
    {
        Assert.Equal([201, 251], Drifts(new Cusum(), Load("cusum_12345")));
    }

    [Fact]
    public void Ewma_DocstringStream_DriftAt1010()
    {
        var ewma = new Ewma(new EwmaOptions { Alpha = 0.1, Threshold = 4, MinInstances = 50 });

        Assert.Equal([1010], Drifts(ewma, Load("ewma_12345")));
    }

    [Fact]
    public void Shewhart_DocstringStream_DriftAt300()
    {
        Assert.Equal([300], Drifts(new Shewhart(new ShewhartOptions { K = 4 }), Load("shewhart_12345")));
    }

    [Fact]
    public void Kswin_DocstringStream_DriftAt1016()
    {
        var kswin = new Kswin(new KswinOptions { Alpha = 0.0001, Seed = 42 });

        Assert.Equal([1016], Drifts(kswin, Load("docstring_12345")));
    }

    [Fact]
    public void Kswin_TestStream1_DriftAt1042()
    {
        var kswin = new Kswin(new KswinOptions { Alpha = 0.0001, WindowSize = 200, StatSize = 100, Seed = 42 });

        Assert.Equal([1042], Drifts(kswin, Load("ds1")));
    }
}
