using DriftWatch.Statistics;

namespace DriftWatch.Monitoring;

/// <summary>Options for a <see cref="DriftMonitor"/>.</summary>
public sealed class DriftMonitorOptions
{
    /// <summary>Gets or sets the number of most recent rows compared with the reference.</summary>
    /// <value>The default value is 5 000.</value>
    public int WindowSize { get; set; } = 5_000;

    /// <summary>Gets or sets the fewest window rows for a drift verdict (fewer: the snapshot has no drift section yet).</summary>
    /// <value>The default value is 500.</value>
    public int MinimumRows { get; set; } = 500;

    /// <summary>Gets or sets how often the evaluation timer runs.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the rule book of the drift methods.</summary>
    /// <value>The default value is <see cref="DriftProfile.Native"/>.</value>
    public DriftProfile Profile { get; set; } = DriftProfile.Native;

    /// <summary>Gets or sets a threshold for every method; <see langword="null"/> means each method's default.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets or sets methods configured per feature (feature name → method name); other features use the automatic choice.</summary>
    public IDictionary<string, string> FeatureMethods { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the method for prediction drift; <see langword="null"/> means the automatic choice.</summary>
    public string? PredictionMethod { get; set; }

    /// <summary>Gets or sets the share of drifted features at or above which the dataset has drifted.</summary>
    /// <value>The default value is 0.5.</value>
    public double DatasetDriftShare { get; set; } = 0.5;

    /// <summary>Gets or sets a value indicating whether the model is a classifier (errors are 0/1 and accuracy is tracked) or a regressor (absolute errors).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Classification { get; set; } = true;

    /// <summary>Gets or sets the number of most recent labelled predictions the quality figures cover.</summary>
    /// <value>The default value is 1 000.</value>
    public int QualityWindow { get; set; } = 1_000;

    /// <summary>Gets or sets the accuracy below which the quality floor signal is raised; <see langword="null"/> turns it off.</summary>
    public double? AccuracyFloor { get; set; }

    /// <summary>Gets or sets the fewest labelled predictions before the quality floor is checked.</summary>
    /// <value>The default value is 200.</value>
    public int MinimumLabelled { get; set; } = 200;

    /// <summary>Gets or sets the online detector run on the error stream (a name from the detector registry).</summary>
    /// <value>The default value is <c>adwin</c>.</value>
    public string Detector { get; set; } = "adwin";

    /// <summary>Gets or sets the detector's options (River's parameter names, e.g. <c>delta</c>).</summary>
    public IDictionary<string, string> DetectorOptions { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the width of a time-window sub-bucket.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan TimeBucketWidth { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the number of time-window sub-buckets (the time window spans width × count).</summary>
    /// <value>The default value is 60 (one hour).</value>
    public int TimeBucketCount { get; set; } = 60;

    /// <summary>Gets or sets the PSI at or above which a feature's time window counts as drifted.</summary>
    /// <value>The default value is 0.1.</value>
    public double TimeWindowPsiThreshold { get; set; } = 0.1;

    /// <summary>Gets or sets how many of the most recent window rows the integrity fault rules look at.</summary>
    /// <value>The default value is 500.</value>
    public int IntegrityRows { get; set; } = 500;

    /// <summary>Gets or sets the smallest excess share of missing, out-of-range or unseen values that is an integrity fault.</summary>
    /// <value>The default value is 0.005.</value>
    public double IntegrityFaultShare { get; set; } = 0.005;

    /// <summary>Gets or sets the smallest own binned KS distance for a feature to be considered in the swapped-columns check.</summary>
    /// <value>The default value is 0.5.</value>
    public double SwapMinimumDistance { get; set; } = 0.5;

    /// <summary>Gets or sets the largest ratio of cross distance to own distance for two features to be called swapped.</summary>
    /// <value>The default value is 1/3.</value>
    public double SwapRatio { get; set; } = 1.0 / 3;

    /// <summary>Copies the options (the dictionaries too).</summary>
    /// <returns>The copy.</returns>
    public DriftMonitorOptions Clone()
    {
        var copy = (DriftMonitorOptions)MemberwiseClone();
        copy.FeatureMethods = new Dictionary<string, string>(FeatureMethods, StringComparer.Ordinal);
        copy.DetectorOptions = new Dictionary<string, string>(DetectorOptions, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        Check(WindowSize >= 10, nameof(WindowSize), "must be at least 10");
        Check(MinimumRows >= 1 && MinimumRows <= WindowSize, nameof(MinimumRows), "must be in [1, WindowSize]");
        Check(EvaluationInterval > TimeSpan.Zero, nameof(EvaluationInterval), "must be positive");
        Check(Threshold is null || double.IsFinite(Threshold.Value), nameof(Threshold), "must be finite");
        Check(double.IsFinite(DatasetDriftShare) && DatasetDriftShare > 0 && DatasetDriftShare <= 1, nameof(DatasetDriftShare), "must be in (0, 1]");
        Check(QualityWindow >= 1, nameof(QualityWindow), "must be at least 1");
        Check(AccuracyFloor is null || (double.IsFinite(AccuracyFloor.Value) && AccuracyFloor is >= 0 and <= 1), nameof(AccuracyFloor), "must be in [0, 1]");
        Check(MinimumLabelled >= 1, nameof(MinimumLabelled), "must be at least 1");
        Check(!string.IsNullOrWhiteSpace(Detector), nameof(Detector), "must name a detector");
        Check(TimeBucketWidth > TimeSpan.Zero, nameof(TimeBucketWidth), "must be positive");
        Check(TimeBucketCount is >= 1 and <= 10_000, nameof(TimeBucketCount), "must be in [1, 10000]");
        Check(double.IsFinite(TimeWindowPsiThreshold) && TimeWindowPsiThreshold > 0, nameof(TimeWindowPsiThreshold), "must be positive");
        Check(IntegrityRows >= 50, nameof(IntegrityRows), "must be at least 50");
        Check(double.IsFinite(IntegrityFaultShare) && IntegrityFaultShare is > 0 and <= 1, nameof(IntegrityFaultShare), "must be in (0, 1]");
        Check(double.IsFinite(SwapMinimumDistance) && SwapMinimumDistance is > 0 and <= 1, nameof(SwapMinimumDistance), "must be in (0, 1]");
        Check(double.IsFinite(SwapRatio) && SwapRatio is > 0 and < 1, nameof(SwapRatio), "must be in (0, 1)");
    }

    private static void Check(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Drift monitor option {name} {rule}.", name);
        }
    }
}
