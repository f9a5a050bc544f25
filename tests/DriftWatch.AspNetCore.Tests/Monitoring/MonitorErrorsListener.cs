using System.Diagnostics.Metrics;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

/// <summary>Records the <c>driftwatch.monitor.errors</c> measurements of one meter factory, with their model and
/// observer tags.</summary>
internal sealed class MonitorErrorsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, string? Model, string? Observer)> _measurements = [];

    /// <summary>Initializes a new instance of the <see cref="MonitorErrorsListener"/> class and starts listening.</summary>
    /// <param name="meterFactory">The meter factory whose instruments are heard; other tests in the process record on
    /// their own factories.</param>
    public MonitorErrorsListener(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "driftwatch.monitor.errors" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? model = null, observer = null;
            foreach (var tag in tags)
            {
                model = tag.Key == "model" ? tag.Value as string : model;
                observer = tag.Key == "observer" ? tag.Value as string : observer;
            }

            lock (_measurements)
            {
                _measurements.Add((value, model, observer));
            }
        });
        _listener.Start();
    }

    /// <summary>Gets the measurements so far, in the order they were recorded.</summary>
    public IReadOnlyList<(long Value, string? Model, string? Observer)> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();
}
