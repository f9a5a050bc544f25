using DriftWatch.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DriftWatch.AspNetCore.Tests.Monitoring;

/// <summary>The service in process on a clock the test drives, with a client; disposing disposes both.</summary>
internal sealed class ClockedHost : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="ClockedHost"/> class and starts the service.</summary>
    /// <param name="clock">The service's <see cref="TimeProvider"/>.</param>
    /// <param name="evaluationInterval">The drift monitors' evaluation interval, or null to keep the default.</param>
    /// <param name="services">More services to register, after the clock and the interval.</param>
    public ClockedHost(TimeProvider clock, TimeSpan? evaluationInterval = null, Action<IServiceCollection>? services = null)
    {
        Factory = new DriftWatchFactory
        {
            ExtraServices = collection =>
            {
                collection.AddSingleton(clock);
                if (evaluationInterval is { } interval)
                {
                    collection.Configure<DriftMonitorOptions>(o => o.EvaluationInterval = interval);
                }

                services?.Invoke(collection);
            },
        };
        Client = Factory.CreateClient();
    }

    /// <summary>Gets the in-process host.</summary>
    public DriftWatchFactory Factory { get; }

    /// <summary>Gets a client of <see cref="Factory"/>.</summary>
    public HttpClient Client { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
