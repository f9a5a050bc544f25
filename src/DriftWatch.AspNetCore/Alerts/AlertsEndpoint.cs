using System.Text.Json;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.AspNetCore.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Alerts;

/// <summary><c>POST /v1/alerts</c> (Alertmanager webhook, own key) and <c>GET /v1/alerts</c> (the firing alerts).</summary>
internal static partial class AlertsEndpoint
{
    private const int MaxBodyBytes = 1 << 20;

    public static async Task<IResult> ReceiveAsync(HttpContext context, AlertBoard board, IOptions<AlertsOptions> options, ILoggerFactory loggers)
    {
        var keys = new ApiKeySet(options.Value.Keys);
        if (keys.IsEmpty)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "Authorization", "The alerts webhook is disabled: no key is configured (DriftWatch:Alerts:Keys).");
        }

        if (!keys.IsAuthorized(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Create(StatusCodes.Status401Unauthorized, "Authorization", "A valid alerts key is required: send 'Authorization: Bearer <key>'.");
        }

        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "body", "The alert notification is larger than 1 MiB.");
        }

        AlertmanagerPayload? payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync<AlertmanagerPayload>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "body", $"Not an Alertmanager webhook body: {ex.Message}");
        }

        if (payload?.Alerts is null)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "alerts", "The body has no 'alerts' array.");
        }

        var received = new List<ReceivedAlert>(payload.Alerts.Count);
        for (var i = 0; i < payload.Alerts.Count; i++)
        {
            var a = payload.Alerts[i];
            if (a is null || a.Status is not ("firing" or "resolved") || a.Labels is null || string.IsNullOrEmpty(a.Fingerprint))
            {
                return Problems.Create(StatusCodes.Status400BadRequest, $"alerts[{i}]", "Each alert needs status 'firing' or 'resolved', labels and a fingerprint.");
            }

            received.Add(new ReceivedAlert(a.Status, a.Labels, a.Annotations ?? [], a.StartsAt, a.Fingerprint));
        }

        var logger = loggers.CreateLogger("DriftWatch.Alerts");
        foreach (var alert in received)
        {
            alert.Annotations.TryGetValue("summary", out var summary);
            Log.AlertReceived(logger, alert.Status, alert.Name, alert.Labels.GetValueOrDefault("severity", string.Empty), summary ?? string.Empty);
        }

        board.Apply(received);
        return TypedResults.Ok(new { received = received.Count, firing = board.Firing().Count });
    }

    public static IResult List(AlertBoard board) =>
        TypedResults.Ok(new
        {
            alerts = board.Firing().Select(a => new { name = a.Name, labels = a.Labels, annotations = a.Annotations, starts_at = a.StartsAt }),
        });

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Alert {Status}: {AlertName} ({Severity}) {Summary}")]
        public static partial void AlertReceived(ILogger logger, string status, string alertName, string severity, string summary);
    }
}
