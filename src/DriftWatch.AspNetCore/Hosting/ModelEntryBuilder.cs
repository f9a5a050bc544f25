using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>Builds a served model's <see cref="ModelEntry"/>: one observer per registered factory when monitoring is on.</summary>
/// <remarks>
/// Start-up and reload build entries the same way. A factory keeps at most one observer per model name, so building
/// the entry of a reloaded model replaces the factory's observer of the previous version.
/// <threadsafety>Thread-safe as long as the factories are.</threadsafety>
/// </remarks>
internal sealed class ModelEntryBuilder(IEnumerable<IPredictionObserverFactory> factories, IOptions<DriftWatchOptions> options)
{
    private readonly IPredictionObserverFactory[] _factories = [.. factories];

    /// <summary>Creates the observers of a model and its entry.</summary>
    /// <param name="model">The model.</param>
    /// <param name="declaredVersion">The version its files declare, or <see langword="null"/> for the model's own.</param>
    /// <param name="fingerprint">The digest of its files, or <see langword="null"/>.</param>
    /// <returns>The entry.</returns>
    public ModelEntry Create(ServedModel model, string? declaredVersion = null, string? fingerprint = null)
    {
        var observers = new List<(string, IPredictionObserver)>();
        if (options.Value.Monitoring.Enabled)
        {
            foreach (var factory in _factories)
            {
                if (factory.Create(model) is { } observer)
                {
                    observers.Add((factory.Name, observer));
                }
            }
        }

        return new ModelEntry(model, observers)
        {
            DeclaredVersion = declaredVersion ?? model.Model.Version,
            Fingerprint = fingerprint,
        };
    }
}
