using System.Globalization;
using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Options of <see cref="Kswin"/>, named as River's <c>drift.KSWIN</c> parameters.</summary>
public sealed class KswinOptions
{
    /// <summary>Gets or sets the significance level of the Kolmogorov-Smirnov test.</summary>
    /// <value>The default value is 0.005.</value>
    [JsonPropertyName("alpha")]
    public double Alpha { get; set; } = 0.005;

    /// <summary>Gets or sets the length of the sliding window.</summary>
    /// <value>The default value is 100.</value>
    [JsonPropertyName("window_size")]
    public int WindowSize { get; set; } = 100;

    /// <summary>Gets or sets the length of the newest part of the window, and of the sample drawn from the rest.</summary>
    /// <value>The default value is 30.</value>
    [JsonPropertyName("stat_size")]
    public int StatSize { get; set; } = 30;

    /// <summary>Gets or sets the seed of the sampler, as <c>random.Random(seed)</c>; null draws a fresh seed at construction and at every reset, as River does.</summary>
    /// <value>The default value is null.</value>
    [JsonPropertyName("seed")]
    public long? Seed { get; set; }

    /// <summary>Gets or sets values already collected, to start with a filled window instead of a cold one (River's <c>window</c>).</summary>
    /// <value>The default value is null (an empty window).</value>
    /// <remarks>
    /// As in River, only the last <see cref="WindowSize"/> values are kept, and a window that is full (or becomes full with
    /// the first update) is tested from the first update on. The window is loaded at construction and by
    /// <see cref="IDriftDetector.Reset"/>; the restart after a drift starts from an empty window, as River's does.
    /// Every value must be finite.
    /// </remarks>
    [JsonPropertyName("window")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Window { get; set; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal void Validate()
    {
        DetectorGuard.Range(Alpha, "alpha", 0, 1);
        DetectorGuard.AtLeast(StatSize, "stat_size", 1);
        if (WindowSize < 2 * (long)StatSize)
        {
            // River accepts stat_size < window_size < 2·stat_size but then fails on the first full window,
            // because it samples stat_size values from the window_size − stat_size oldest ones.
            throw new ArgumentOutOfRangeException("window_size", "window_size must be at least 2 * stat_size.");
        }

        if (Window is { } window)
        {
            for (int i = 0; i < window.Count; i++)
            {
                if (!double.IsFinite(window[i]))
                {
                    throw new ArgumentOutOfRangeException(
                        "window",
                        string.Create(CultureInfo.InvariantCulture, $"window must hold finite numbers; value {i} is {window[i]}."));
                }
            }
        }
    }

    /// <summary>Copies the options.</summary>
    /// <returns>A copy.</returns>
    internal KswinOptions Clone()
    {
        var copy = (KswinOptions)MemberwiseClone();
        copy.Window = Window?.ToArray();
        return copy;
    }
}
