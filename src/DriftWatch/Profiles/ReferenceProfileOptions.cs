namespace DriftWatch.Profiles;

/// <summary>Options for <see cref="ReferenceProfile.Build"/>.</summary>
public sealed class ReferenceProfileOptions
{
    /// <summary>Gets or sets the number of quantile bins of numeric features (deciles by default).</summary>
    /// <value>The default value is 10.</value>
    public int BinCount { get; set; } = 10;

    /// <summary>Gets or sets the largest number of values kept per feature for exact tests.</summary>
    /// <value>The default value is 10 000.</value>
    public int SampleSize { get; set; } = 10_000;

    /// <summary>Gets or sets columns treated as categorical even when their values are numbers.</summary>
    public ISet<string> Categorical { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the columns to leave out of the profile (for example the label).</summary>
    public ISet<string> Exclude { get; set; } = new HashSet<string>(StringComparer.Ordinal);
}
