using DriftWatch.AspNetCore.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Tests;

/// <summary>A temporary directory for a configured model's files, a model name unique to the test, and the hosts built
/// over them; disposing disposes the hosts and deletes the directory.</summary>
internal sealed class ModelFileHost : IDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly List<DriftWatchFactory> _factories = [];

    /// <summary>Initializes a new instance of the <see cref="ModelFileHost"/> class.</summary>
    /// <param name="directoryPrefix">The prefix of the temporary directory's name.</param>
    /// <param name="namePrefix">The prefix of the model's name (the name is cut to 20 characters).</param>
    public ModelFileHost(string directoryPrefix, string namePrefix)
    {
        _dir = Directory.CreateTempSubdirectory(directoryPrefix);
        Name = $"{namePrefix}-{Guid.NewGuid():N}"[..20];
    }

    /// <summary>Gets the model's name.</summary>
    public string Name { get; }

    /// <summary>Gets the path of the model file.</summary>
    public string ModelPath => Path.Combine(_dir.FullName, "model.zip");

    /// <summary>Gets the path of the reference file.</summary>
    public string ReferencePath => Path.Combine(_dir.FullName, "reference.csv");

    /// <summary>Builds a host (disposed with this instance) whose options <paramref name="configure"/> sets, with
    /// <paramref name="adminKey"/> as an admin key when given and <paramref name="logs"/> as a logger provider when given.</summary>
    public DriftWatchFactory Factory(Action<DriftWatchOptions> configure, string? adminKey, ILoggerProvider? logs = null)
    {
        return Track(new DriftWatchFactory
        {
            Configure = o =>
            {
                configure(o);
                if (adminKey is not null)
                {
                    o.Security.AdminKeys.Add(adminKey);
                }
            },
            ExtraServices = services =>
            {
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            },
        });
    }

    /// <summary>Disposes <paramref name="factory"/> with this instance.</summary>
    public DriftWatchFactory Track(DriftWatchFactory factory)
    {
        _factories.Add(factory);
        return factory;
    }

    /// <summary>Creates a client of <paramref name="factory"/> that sends <paramref name="adminKey"/> as its bearer token.</summary>
    public static HttpClient Client(DriftWatchFactory factory, string adminKey)
    {
        var client = factory.CreateClient();
        DriftWatchFactory.Authorize(client, adminKey);
        return client;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _dir.Delete(recursive: true);
    }
}
