namespace DriftWatch.Statistics;

/// <summary>Which rule book a drift method follows.</summary>
public enum DriftProfile
{
    /// <summary>DriftWatch's statistically corrected rules (the default).</summary>
    Native = 0,

    /// <summary>Reproduces Evidently 0.7's numbers exactly, including its known mistakes.</summary>
    Evidently = 1,
}
