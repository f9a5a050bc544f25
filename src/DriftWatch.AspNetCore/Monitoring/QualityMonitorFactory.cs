using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>Creates the built-in <see cref="QualityMonitor"/> of each model.</summary>
internal sealed class QualityMonitorFactory(IOptions<DriftWatchOptions> options) : IPredictionObserverFactory
{
    public string Name => "quality";

    public IPredictionObserver? Create(ServedModel model) => new QualityMonitor(model.Model.Task, options.Value.Monitoring.QualityWindow);
}
