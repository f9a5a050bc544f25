namespace DriftWatch.AspNetCore.Alerts;

/// <summary>Options of the Alertmanager webhook receiver (<c>POST /v1/alerts</c>), section <c>DriftWatch:Alerts</c>.</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DriftWatch:Alerts";

    /// <summary>Gets the keys Alertmanager may present as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    /// <value>Empty by default, which disables the receiver (403): alerts are accepted only with their own key.</value>
    public IList<string> Keys { get; } = [];

    /// <summary>Gets or sets how many firing alerts are kept for the overview.</summary>
    /// <value>The default value is 200.</value>
    public int MaxFiring { get; set; } = 200;
}
