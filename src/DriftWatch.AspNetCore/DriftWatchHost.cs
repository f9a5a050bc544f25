using DriftWatch.AspNetCore.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DriftWatch.AspNetCore;

/// <summary>The ready-made DriftWatch service host: what <c>driftwatch serve</c> runs and what tests start in process.</summary>
/// <remarks>
/// Tests use <c>WebApplicationFactory&lt;DriftWatchHost&gt;</c> and override <c>CreateHostBuilder</c> to return
/// <see cref="CreateHostBuilder"/>, so the service under test is built by exactly the code that serves in production.
/// </remarks>
public sealed class DriftWatchHost
{
    private DriftWatchHost()
    {
    }

    /// <summary>Creates the host builder: Kestrel, configuration, logging, and DriftWatch mapped at the root.</summary>
    /// <param name="args">Command-line style settings (e.g. <c>--urls=http://127.0.0.1:8080</c>).</param>
    /// <param name="settings">Extra configuration keys (e.g. a flattened YAML file: <c>DriftWatch:Store:Path</c>), or <see langword="null"/>.</param>
    /// <param name="configure">Changes the options after configuration binding, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IHostBuilder CreateHostBuilder(
        string[] args,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<DriftWatchOptions>? configure = null)
    {
        return Host.CreateDefaultBuilder(args)
            .ConfigureAppConfiguration(config =>
            {
                if (settings is not null)
                {
                    config.AddInMemoryCollection(settings);
                }
            })
            .ConfigureWebHostDefaults(web => web
                .ConfigureServices(services => services.AddRouting().AddDriftWatch(configure))
                .Configure(app =>
                {
                    app.UseExceptionHandler();
                    app.UseStatusCodePages();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapDriftWatch());
                }));
    }
}
