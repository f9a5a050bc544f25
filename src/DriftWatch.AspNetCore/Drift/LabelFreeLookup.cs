using DriftWatch.Analysis;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Reads the latest <see cref="LabelFreeMonitor"/> evaluation of a model for the drift snapshot.</summary>
/// <remarks>
/// Only reads <see cref="LabelFreeMonitor.Latest"/>: evaluation happens on the timer of
/// <see cref="LabelFreeEvaluationHostedService"/>, never on the drift request's thread. Before the first evaluation (or when
/// every evaluation so far failed) the label-free sections are null.
/// </remarks>
internal static class LabelFreeLookup
{
    /// <summary>Gets the latest label-free evaluation of a model.</summary>
    /// <param name="services">The request's services.</param>
    /// <param name="model">The served model's name.</param>
    /// <returns>The evaluation, or <see langword="null"/> when there is none (no monitor, or not evaluated yet).</returns>
    public static LabelFreeSnapshot? Latest(IServiceProvider services, string model) =>
        services.GetServices<IPredictionObserverFactory>().OfType<LabelFreeMonitorFactory>().FirstOrDefault()?.Find(model)?.Latest;
}
