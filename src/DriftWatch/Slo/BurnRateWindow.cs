namespace DriftWatch.Slo;

/// <summary>One multiwindow condition: both windows must burn the error budget faster than <see cref="Factor"/>.</summary>
/// <param name="Short">The short window (resets the alert quickly once the burn stops).</param>
/// <param name="Long">The long window (proves the burn is sustained).</param>
/// <param name="Factor">The burn-rate threshold, a multiple of the error budget ratio.</param>
internal readonly record struct BurnRateWindow(TimeSpan Short, TimeSpan Long, decimal Factor);
