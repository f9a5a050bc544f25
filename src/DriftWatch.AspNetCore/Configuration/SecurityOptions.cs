namespace DriftWatch.AspNetCore.Configuration;

/// <summary>API keys (<c>Authorization: Bearer &lt;key&gt;</c>) per endpoint family; an empty list means open.</summary>
/// <remarks>Admin endpoints are closed (403) when <see cref="AdminKeys"/> is empty.</remarks>
public sealed class SecurityOptions
{
    /// <summary>Gets the keys for admin operations (<c>PUT /v1/models/{m}/reference</c>, reloads). Empty: admin disabled.</summary>
    public IList<string> AdminKeys { get; } = [];

    /// <summary>Gets the keys for <c>predict</c>. Empty: open.</summary>
    public IList<string> PredictKeys { get; } = [];

    /// <summary>Gets the keys for <c>feedback</c>. Empty: open.</summary>
    public IList<string> FeedbackKeys { get; } = [];

    /// <summary>Gets the keys for <c>/metrics</c>. Empty: open.</summary>
    public IList<string> MetricsKeys { get; } = [];
}
