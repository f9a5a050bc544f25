namespace DriftWatch.Detectors;

/// <summary>Which direction of change a two-sided chart monitors (River's <c>mode</c>).</summary>
public enum DetectorMode
{
    /// <summary>Increases and decreases (<c>both</c>).</summary>
    Both,

    /// <summary>Increases only (<c>up</c>).</summary>
    Up,

    /// <summary>Decreases only (<c>down</c>).</summary>
    Down,
}
