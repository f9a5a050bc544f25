using DriftWatch.Statistics;

namespace DriftWatch.Analysis;

/// <summary>Options for <see cref="DriftAnalyzer"/>.</summary>
public sealed class DriftAnalysisOptions
{
    /// <summary>Gets or sets the rule book.</summary>
    /// <value>The default value is <see cref="DriftProfile.Native"/>.</value>
    public DriftProfile Profile { get; set; } = DriftProfile.Native;

    /// <summary>Gets or sets methods forced for every column (one result per column and method); empty means automatic choice.</summary>
    public IList<string> Methods { get; set; } = [];

    /// <summary>Gets or sets the threshold for every method; <see langword="null"/> means each method's default.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets or sets columns forced to be categorical.</summary>
    public ISet<string> Categorical { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets columns forced to be numerical.</summary>
    public ISet<string> Numerical { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the target column name, if any (analysed like a feature and reported as the target).</summary>
    public string? Target { get; set; }

    /// <summary>Gets or sets the prediction column name, if any.</summary>
    public string? Prediction { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the cleaned and sorted reference samples are kept (per reference column
    /// object) for the next analysis against the same reference, as the live service wants. A one-off comparison (the
    /// CLI report) turns it off so that each column's samples are freed as soon as the column is done.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CacheReference { get; set; } = true;

    /// <summary>Gets or sets the share of drifted columns at or above which the dataset has drifted.</summary>
    /// <value>The default value is 0.5.</value>
    public double DatasetDriftShare { get; set; } = 0.5;
}
