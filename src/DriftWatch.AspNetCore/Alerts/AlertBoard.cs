using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary>The alerts Alertmanager reported as firing and not yet resolved, for the overview page and <c>GET /v1/alerts</c>.</summary>
/// <remarks>
/// Keyed by fingerprint: a resolved notification removes the alert, a repeated firing one replaces it. At most
/// <see cref="AlertsOptions.MaxFiring"/> alerts are kept; beyond that the oldest by start time is dropped, so a storm
/// of alerts cannot grow memory without bound.
/// <threadsafety>All members are thread-safe (one lock; updates are rare and small).</threadsafety>
/// </remarks>
internal sealed class AlertBoard
{
    private readonly Dictionary<string, ReceivedAlert> _firing = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _max;

    public AlertBoard(IOptions<AlertsOptions> options)
    {
        _max = Math.Max(1, options.Value.MaxFiring);
    }

    /// <summary>Applies a notification's alerts.</summary>
    /// <param name="alerts">The alerts.</param>
    public void Apply(IEnumerable<ReceivedAlert> alerts)
    {
        lock (_lock)
        {
            foreach (var alert in alerts)
            {
                if (alert.Status == "resolved")
                {
                    _firing.Remove(alert.Fingerprint);
                    continue;
                }

                _firing[alert.Fingerprint] = alert;
                if (_firing.Count > _max)
                {
                    var oldest = _firing.Values.MinBy(a => a.StartsAt)!;
                    _firing.Remove(oldest.Fingerprint);
                }
            }
        }
    }

    /// <summary>Gets the firing alerts, most recent first.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<ReceivedAlert> Firing()
    {
        lock (_lock)
        {
            return [.. _firing.Values.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Name, StringComparer.Ordinal)];
        }
    }
}
