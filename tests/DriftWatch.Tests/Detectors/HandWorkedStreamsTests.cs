using System.Text.Json;
using DriftWatch.Detectors;
using static DriftWatch.Tests.Detectors.DetectorStreams;

namespace DriftWatch.Tests.Detectors;

/// <summary>Short streams whose signals are worked out by hand in the comments (4–6 significant digits shown).</summary>
public sealed class HandWorkedStreamsTests
{
    [Fact]
    public void PageHinkley_StepUp_DriftOnTheStep()
    {
        // δ = 0, α = 1, λ = 1, mode up, min_instances 1. Three zeros: mean 0, U = 0, min U = 0.
        // x = 3: mean = 0.75, U = 3 − 0.75 = 2.25, U − min U = 2.25 > 1 → drift at index 3.
        var ph = new PageHinkley(new PageHinkleyOptions { MinInstances = 1, Delta = 0, Threshold = 1, Alpha = 1, Mode = DetectorMode.Up });

        Assert.Equal([3], Drifts(ph, [0, 0, 0, 3, 3]));
    }

    [Fact]
    public void PageHinkley_StepDownInModeUp_NoDrift()
    {
        // Same, x = −3: U = −2.25 only lowers min U; the decrease sum D = −2.25 is not tested in mode up.
        var ph = new PageHinkley(new PageHinkleyOptions { MinInstances = 1, Delta = 0, Threshold = 1, Alpha = 1, Mode = DetectorMode.Up });

        Assert.Empty(Drifts(ph, [0, 0, 0, -3]));
    }

    [Fact]
    public void PageHinkley_StepDownInModeDown_DriftOnTheStep()
    {
        // D = −2.25, max D = 0 (it started at −1 and the zeros raised it to 0): max D − D = 2.25 > 1.
        var ph = new PageHinkley(new PageHinkleyOptions { MinInstances = 1, Delta = 0, Threshold = 1, Alpha = 1, Mode = DetectorMode.Down });

        Assert.Equal([3], Drifts(ph, [0, 0, 0, -3]));
    }

    [Fact]
    public void Adwin_SevenInserts_BucketsMergeAsExponentialHistogram()
    {
        // max_buckets 2: a row holding 3 buckets merges its two oldest into the next row.
        // 1,2,3 → row1 [1+2 (var 1·½·(1−2)² = 0.5)], row0 [3]; 4,5 → row1 [3, 7], row0 [5];
        // 6,7 → row1 [3, 7, 11] overflows → row2 [10 (var 0.5 + 0.5 + 2·½·(1.5 − 3.5)² = 5)], row1 [11], row0 [7].
        // Window: width 7, total 28, variance Σ(x − 4)² = 28.
        var adwin = new Adwin(new AdwinOptions { MaxBuckets = 2, Clock = 1000 });
        foreach (double x in new double[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            adwin.Update(x);
        }

        using var snapshot = JsonDocument.Parse(adwin.SaveSnapshot());
        var state = snapshot.RootElement.GetProperty("state");
        var rows = state.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([7.0], rows[0].GetProperty("totals").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([11.0], rows[1].GetProperty("totals").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.5], rows[1].GetProperty("variances").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([10.0], rows[2].GetProperty("totals").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([5.0], rows[2].GetProperty("variances").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(7, adwin.Width);
        Assert.Equal(4, adwin.Estimation);
        Assert.Equal(28, state.GetProperty("variance").GetDouble(), 12);
    }

    [Fact]
    public void Adwin_EightZerosThenHundreds_CutsTheZerosAtIndex19()
    {
        // clock 4, max_buckets 2, min_window_length 2, grace_period 4. At index 19 (tick 20) the rows are, oldest first,
        // [0 ×8], [400, 400], [200], [100, 100]: width 20, total 1200, variance 8·60² + 12·40² = 48000, σ² = 2400.
        // First cut (after the 8 zeros): n₀ = 8, n₁ = 12, μ₀ − μ₁ = −100; m⁻¹ = 1/7 + 1/11 = 0.233766;
        // δ' = ln(2·ln 20 / 0.002) = 8.004944; ε = √(2·0.233766·2400·8.004944) + ⅔·8.004944·0.233766
        //   = 94.7743 + 1.2475 = 96.0218 < 100 → cut: the zeros go, width 12, mean 100. (At index 14 the same cut had
        // n₀ = n₁ = 8 and ε = 107.93 > 100: too short a window.)
        var adwin = new Adwin(new AdwinOptions { Clock = 4, MaxBuckets = 2, MinWindowLength = 2, GracePeriod = 4 });
        double[] stream = [.. Enumerable.Repeat(0.0, 8), .. Enumerable.Repeat(100.0, 12)];

        var drifts = Drifts(adwin, stream);

        Assert.Equal([19], drifts);
        Assert.Equal(12, adwin.Width);
        Assert.Equal(100, adwin.Estimation);
    }

    [Fact]
    public void Adwin_AfterDrift_NextUpdateStartsFromEmptyWindow()
    {
        var adwin = new Adwin(new AdwinOptions { Clock = 4, MaxBuckets = 2, MinWindowLength = 2, GracePeriod = 4 });
        Drifts(adwin, [.. Enumerable.Repeat(0.0, 8), .. Enumerable.Repeat(100.0, 12)]);

        adwin.Update(7);

        Assert.False(adwin.DriftDetected);
        Assert.Equal(1, adwin.Width);
        Assert.Equal(7, adwin.Estimation);
    }

    [Fact]
    public void Ddm_ErrorsAfterGoodStart_WarningsThenDrift()
    {
        // warm_start 3. n=4: p = .25, s = √(.25·.75/4) = .216506; n=5: p = .2, s = .178885; n=6: p = .166667, s = .152145
        // → p_min + s_min = .318812, warning level .166667 + 2·.152145 = .470957, drift level .623102.
        // n=7 (x=1): p + s = .285714 + .170747 = .456461 (none); n=8: .375 + .171163 = .546163 > .470957 (warning);
        // n=9: .444444 + .165635 = .610079 (warning); n=10: .5 + .158114 = .658114 > .623102 → drift at index 9.
        var ddm = new Ddm(new DdmOptions { WarmStart = 3 });

        var (drifts, warnings) = Run(ddm, [0, 1, 0, 0, 0, 0, 1, 1, 1, 1]);

        Assert.Equal([7, 8], warnings);
        Assert.Equal([9], drifts);
    }

    [Fact]
    public void Eddm_ShrinkingErrorDistances_WarningPersistsThenDrift()
    {
        // warm_start 1. Errors at n = 1, 3, 6, 7, 9 → distances 1, 2, 3, 1, 2.
        // n=3: mean 1.5, s² = .5, p' + 2s' = 2.914214 (new max); n=6: mean 2, s² = 1, 4 (new max);
        // n=7: mean 1.75, s² = .916667, 1.75 + 2·.957427 = 3.664854, level .916213 < .95 → warning (index 6),
        // which holds through the correct prediction at index 7; n=9: mean 1.8, s² = .7, 3.473320, level .868330 < .9
        // → drift at index 8. As in River, a drift leaves the warning flag as it was, so it is still on at index 8.
        var eddm = new Eddm(new EddmOptions { WarmStart = 1 });

        var (drifts, warnings) = Run(eddm, [1, 0, 1, 0, 0, 1, 1, 0, 1]);

        Assert.Equal([6, 7, 8], warnings);
        Assert.Equal([8], drifts);
    }

    [Fact]
    public void HddmA_TenZerosThenOnes_WarningsThenDrift()
    {
        // The cut point stays at the 10 zeros (X̄ = 0, n_X = 10). With n values and z̄ = (n − 10)/n:
        // m = (n − 10)/10 · 1/n; drift when z̄ ≥ √(m/2 · ln 2000), warning when z̄ ≥ √(m/2 · ln 400).
        // n=15: z̄ = .333333, warning bound .316003 (yes), drift bound .355924 (no) → warning at index 14;
        // n=16: z̄ = .375, warning bound .335172 (yes), drift bound .377514 (no) → warning at 15;
        // n=17: .411765 ≥ .395587 → drift at index 16.
        var hddm = new HddmA();
        double[] stream = [.. Enumerable.Repeat(0.0, 10), .. Enumerable.Repeat(1.0, 7)];

        var (drifts, warnings) = Run(hddm, stream);

        Assert.Equal([14, 15], warnings);
        Assert.Equal([16], drifts);
    }

    [Fact]
    public void HddmW_ZerosThenOne_WeightedMeanJumpsToOneAsRiversEWMean()
    {
        // River's EWMean replaces a mean of exactly 0 by the next value: after 0, 0, 1 the total's weighted mean is 1,
        // not λ = 0.05. Its ibc after three values: 1 → λ² + (1−λ)²·1 = .905 → .0025 + .9025·.905 = .8192625
        // → .0025 + .9025·.8192625 = .74188440625.
        var hddm = new HddmW();
        foreach (double x in new double[] { 0, 0, 1 })
        {
            hddm.Update(x);
        }

        using var snapshot = JsonDocument.Parse(hddm.SaveSnapshot());
        var total = snapshot.RootElement.GetProperty("state").GetProperty("total");
        Assert.Equal(1.0, total.GetProperty("ewma").GetDouble());
        Assert.Equal(0.74188440625, total.GetProperty("ibc").GetDouble(), 12);
    }

    [Fact]
    public void Fhddm_AccuracyFallsToZero_DriftWhenDropExceedsEpsilon()
    {
        // Window 4, δ = 0.01: ε = √(ln 100 / 8) = .758714. Input 1 = correct. Window means from index 3: 1, .75, .5, .25, 0;
        // u_max = 1, so the drop reaches 1 > ε only at index 7.
        var fhddm = new Fhddm(new FhddmOptions { SlidingWindowSize = 4, ConfidenceLevel = 0.01 });

        Assert.Equal([7], Drifts(fhddm, [1, 1, 1, 1, 0, 0, 0, 0]));
    }

    [Fact]
    public void Cusum_SustainedShift_DriftOnceSumExceedsThreshold()
    {
        // min_instances 3, slack .5, threshold 1: warm-up 1, 2, 3 → μ = 2, σ = 1, k = .5, h = 1; the third value is
        // tested too. S⁺: 3 → .5, 3 → 1.0 (not > 1), 3 → 1.5 > 1 → drift at index 4.
        var cusum = new Cusum(new CusumOptions { MinInstances = 3, Slack = 0.5, Threshold = 1 });

        Assert.Equal([4], Drifts(cusum, [1, 2, 3, 3, 3]));
    }

    [Fact]
    public void Cusum_ShiftUpInModeDown_NoDrift()
    {
        var cusum = new Cusum(new CusumOptions { MinInstances = 3, Slack = 0.5, Threshold = 1, Mode = DetectorMode.Down });

        Assert.Empty(Drifts(cusum, [1, 2, 3, 3, 3, 3, 3]));
    }

    [Fact]
    public void Shewhart_OutlierBeyondLimits_DriftOnThatValue()
    {
        // k 2, min_instances 3: center 2, σ = 1, limits 2 ± 2. 3 is inside, 4.5 outside → drift at index 3.
        var chart = new Shewhart(new ShewhartOptions { K = 2, MinInstances = 3 });

        Assert.Equal([3], Drifts(chart, [1, 2, 3, 4.5]));
    }

    [Fact]
    public void Ewma_AcceleratingValues_DriftWhenChartLeavesLimits()
    {
        // α = .5, threshold 1, min_instances 2. Z: 1, 2, 5.5, 17.75, 58.875; running mean: 1, 2, 4.3333, 10.75, 28.6.
        // EW variance (EW mean of x² minus square of EW mean of x): 1, 12.75, 156.4375, 1769.484.
        // Limit σ·√(α/(2 − α)·(1 − (1 − α)^(2t))): t=2: 1·.559017 (Z − x̄ = 0); t=3: 3.570714·.572822 = 2.045383 (1.1667);
        // t=4: 12.507498·.576222 = 7.207 (7.0, inside); t=5: 42.0652·.577068 = 24.27 < 30.275 → drift at index 4.
        var ewma = new Ewma(new EwmaOptions { Alpha = 0.5, Threshold = 1, MinInstances = 2 });

        Assert.Equal([4], Drifts(ewma, [1, 3, 9, 30, 100]));
    }

    [Fact]
    public void Kswin_TinyWindow_DriftWhenSamplesDisjoint()
    {
        // window 4, stat 2: the sample is both old values {0, 0} whatever the seed; R = {5, 5}; D = 1 and the exact
        // two-sample p-value for n = m = 2 is 2·C(4, 0)/C(4, 2) = 1/3 ≤ α = .5 with D > .1 → drift at index 3.
        var kswin = new Kswin(new KswinOptions { Alpha = 0.5, WindowSize = 4, StatSize = 2, Seed = 1 });

        Assert.Equal([3], Drifts(kswin, [0, 0, 5, 5]));
        Assert.Equal(1.0 / 3.0, kswin.PValue, 12);
    }

    [Fact]
    public void Kswin_TinyWindowSameValues_NoDriftAndPValueOne()
    {
        var kswin = new Kswin(new KswinOptions { Alpha = 0.5, WindowSize = 4, StatSize = 2, Seed = 1 });

        Assert.Empty(Drifts(kswin, [5, 5, 5, 5, 5]));
        Assert.Equal(1.0, kswin.PValue);
    }
}
