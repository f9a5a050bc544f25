using DriftWatch.Analysis;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Reads the latest <see cref="LabelFreeMonitor"/> evaluation of a model for the drift snapshot.</summary>
/// <remarks>
/// <see cref="LabelFreeMonitor.Latest"/> evaluates when there is no evaluation yet (and the window holds enough rows) or
/// the last one is older than its interval, so the drift page respects the same rate limit as the metrics scrape. It runs
/// on the drift request's thread, never on a prediction; a failure is logged and the label-free sections are left null.
/// </remarks>
internal static partial class LabelFreeLookup
{
    /// <summary>Gets the latest label-free evaluation of a model.</summary>
    /// <param name="services">The request's services.</param>
    /// <param name="model">The served model's name.</param>
    /// <returns>The evaluation, or <see langword="null"/> when there is none (no monitor, too few rows, or a failure).</returns>
    public static LabelFreeSnapshot? Latest(IServiceProvider services, string model)
    {
        var factory = services.GetServices<IPredictionObserverFactory>().OfType<LabelFreeMonitorFactory>().FirstOrDefault();
        if (factory?.Find(model) is not { } monitor)
        {
            return null;
        }

        try
        {
            return monitor.Latest();
        }
#pragma warning disable CA1031 // The drift snapshot must still be served when the label-free part fails.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LabelFreeLookup)), ex, model);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Label-free evaluation of model {Model} failed; the drift snapshot is served without it.")]
    private static partial void Failed(ILogger logger, Exception exception, string model);
}
