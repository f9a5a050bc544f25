using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>Creates the built-in <see cref="InputMonitor"/> of each model.</summary>
internal sealed class InputMonitorFactory(IOptions<DriftWatchOptions> options) : IPredictionObserverFactory
{
    public string Name => "inputs";

    public IPredictionObserver? Create(ServedModel model) => new InputMonitor(model.Model.Schema, options.Value.Monitoring.MaxCategories);
}
