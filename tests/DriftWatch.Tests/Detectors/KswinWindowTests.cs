using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// KSWIN's initial <c>window</c>, worked by hand the way River's code runs. With window_size = 8 and stat_size = 4,
/// <c>random.sample(range(4), 4)</c> draws all four old values whatever the seed, so the test is deterministic:
/// W = the 4 oldest values, R = the 4 newest. W = {0,0,0,0} against R = {1,1,1,1} gives D = 1, whose exact two-sided
/// p-value (scipy <c>ks_2samp</c>, n = m = 4) is 2/C(8,4) = 2/70: a drift for α = 0.05.
/// </summary>
public sealed class KswinWindowTests
{
    private static Kswin Create(params double[] window) =>
        new(new KswinOptions { Alpha = 0.05, WindowSize = 8, StatSize = 4, Seed = 1, Window = window });

    [Fact]
    public void Update_InitialWindowFilledByFirstValue_TestsAtOnceAndDrifts()
    {
        // River: KSWIN(alpha=0.05, window_size=8, stat_size=4, seed=1, window=[0,0,0,0,1,1,1]).update(1)
        // → deque [0,0,0,0,1,1,1,1] is full: ks_2samp([0,0,0,0], [1,1,1,1]) = (1.0, 2/70) → drift at the first update.
        var kswin = Create(0, 0, 0, 0, 1, 1, 1);

        kswin.Update(1);

        Assert.True(kswin.DriftDetected);
        Assert.Equal(2.0 / 70.0, kswin.PValue, 1e-12);
    }

    [Fact]
    public void Update_NoInitialWindow_WaitsForAFullWindow()
    {
        var kswin = new Kswin(new KswinOptions { Alpha = 0.05, WindowSize = 8, StatSize = 4, Seed = 1 });

        kswin.Update(1);

        Assert.False(kswin.DriftDetected);
        Assert.Equal(0, kswin.PValue);
    }

    [Fact]
    public void Update_InitialWindowLongerThanWindowSize_KeepsItsLastValues()
    {
        // deque([1,1,1,1,0,0,0,0,1,1,1], maxlen=8) = [1,0,0,0,0,1,1,1]; appending 1 drops the leading 1 → [0,0,0,0,1,1,1,1]:
        // a drift. Keeping the first eight values instead ([1,1,1,0,0,0,0,1] after the update, D = 0.5) would not drift.
        var kswin = Create(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1);

        kswin.Update(1);

        Assert.True(kswin.DriftDetected);
    }

    [Fact]
    public void Update_AfterDrift_RestartsFromAnEmptyWindow()
    {
        // River's _reset after a drift builds an empty deque: seven more values do not fill it, so no test runs.
        var kswin = Create(0, 0, 0, 0, 1, 1, 1);
        kswin.Update(1);

        for (int i = 0; i < 7; i++)
        {
            kswin.Update(1);
            Assert.False(kswin.DriftDetected);
            Assert.Equal(0, kswin.PValue);
        }
    }

    [Fact]
    public void Reset_WithInitialWindow_StartsFromItAgain()
    {
        var kswin = Create(0, 0, 0, 0, 1, 1, 1);
        kswin.Update(1);
        kswin.Update(5);

        kswin.Reset();
        kswin.Update(1);

        Assert.True(kswin.DriftDetected);
    }

    [Fact]
    public void Create_WindowOptionAsText_SameAsOptionsObject()
    {
        var detector = (Kswin)DriftDetectors.Create("kswin", new Dictionary<string, string>
        {
            ["alpha"] = "0.05", ["window_size"] = "8", ["stat_size"] = "4", ["seed"] = "1", ["window"] = "[0, 0, 0,0, 1, 1, 1]",
        });

        detector.Update(1);

        Assert.True(detector.DriftDetected);
        Assert.Equal([0.0, 0, 0, 0, 1, 1, 1], detector.Options.Window);
    }

    [Theory]
    [InlineData("1,nan,2", "Option 'window' must hold finite numbers, got 'nan'.")]
    [InlineData("1,x,2", "Option 'window' must be a comma-separated list of numbers, got '1,x,2'.")]
    public void Create_BadWindowText_ThrowsNamingTheOption(string text, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => DriftDetectors.Create("kswin", new Dictionary<string, string> { ["window"] = text }));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_NonFiniteWindowValue_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create(0, double.PositiveInfinity));

        Assert.Equal("window", ex.ParamName);
    }

    [Fact]
    public void Restore_SnapshotWithWindowOption_KeepsItForReset()
    {
        var kswin = Create(0, 0, 0, 0, 1, 1, 1);
        kswin.Update(1);
        kswin.Update(3);

        var restored = DriftDetectors.Restore(kswin.SaveSnapshot());
        restored.Reset();
        restored.Update(1);

        Assert.Contains("\"window\":[0,0,0,0,1,1,1]", kswin.SaveSnapshot(), StringComparison.Ordinal);
        Assert.True(restored.DriftDetected);
    }

    [Fact]
    public void SaveSnapshot_NoWindowOption_WritesNoWindowOption()
    {
        var kswin = new Kswin(new KswinOptions { Seed = 3 });

        string json = kswin.SaveSnapshot();

        Assert.StartsWith("""{"detector":"kswin","options":{"alpha":0.005,"window_size":100,"stat_size":30,"seed":3},""", json, StringComparison.Ordinal);
    }
}
