using DriftWatch.AspNetCore.Configuration;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>
/// <c>POST /v1/models/{model}/reload</c> (admin): re-reads a configured model from its files and swaps it in atomically.
/// </summary>
/// <remarks>
/// <para>
/// The new model is loaded, its reference data checked against its schema (<see cref="ReferenceValidator"/>: a refusal
/// names the field <c>reference</c>), checked (same task, same feature names and kinds: <see cref="SchemaCompatibility"/>) and
/// run once on a synthetic row before anything changes; then its entry, with fresh observers, replaces the old one in
/// the <see cref="ModelRegistry"/> in one reference swap. Requests that already hold the old entry finish on the old
/// model and its observers; later requests see the new one, so no request fails because of a reload. Any refusal
/// leaves the old model serving.
/// </para>
/// <para>
/// Version: the version the files declare (configuration, schema file, else <c>1</c>) when it changed since the
/// previous load; otherwise <c>{declared}+{fingerprint}</c>, where the fingerprint is 16 hex digits of the SHA-256 of
/// the model, schema and reference files, so replicas that reload the same files report the same version. Files
/// identical to the ones served are not reloaded (<c>reloaded: false</c>).
/// </para>
/// <para>
/// The built-in model has no file: it is trained at start-up from a seeded generator, and retraining would give the
/// identical model, so reloading it answers 409.
/// </para>
/// <threadsafety>Thread-safe: reloads run one at a time.</threadsafety>
/// </remarks>
internal sealed partial class ModelReloader(
    ModelRegistry registry,
    ModelEntryBuilder entryBuilder,
    IOptions<DriftWatchOptions> options,
    ILogger<ModelReloader> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Reloads one model.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="cancellationToken">Cancels the wait for another reload and the file reads.</param>
    /// <returns>200 with the new version, or a problem: 404 unknown model, 409 when the model cannot be reloaded.</returns>
    public async Task<IResult> ReloadAsync(string model, CancellationToken cancellationToken)
    {
        if (!registry.TryGetEntry(model, out _))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        var config = options.Value.Models.FirstOrDefault(m => m.Name == model);
        if (config is null || DriftWatchOptionsValidator.ModelTypeOf(config) == "builtin")
        {
            return Problems.Create(
                StatusCodes.Status409Conflict,
                "model",
                $"Model '{model}' is the built-in model: it is trained at start-up from a seeded generator, so there is no file to re-read and retraining would give the identical model. Configure a model file (Models: Path) to reload it.");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReloadLockedAsync(config, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static IResult Ok(ModelEntry entry, string previousVersion, bool reloaded) =>
        TypedResults.Json(new
        {
            model = entry.Model.Name,
            version = entry.Model.Version,
            previous_version = previousVersion,
            reloaded,
            source = entry.Served.Source,
        });

    private static void Smoke(IModel model)
    {
        // One synthetic row in the schema's ranges: a model file that loads but cannot predict is refused here,
        // before it serves anyone.
        var batch = new FeatureBatch(model.Schema, 1);
        for (var f = 0; f < model.Schema.Count; f++)
        {
            var feature = model.Schema.Features[f];
            if (feature.Kind == FeatureKind.Numeric)
            {
                batch.SetNumber(0, f, feature.HasRange ? feature.Min + ((feature.Max - feature.Min) / 2) : 0);
            }
            else
            {
                batch.SetString(0, f, feature.Categories.Count > 0 ? feature.Categories[0] : null);
            }
        }

        Span<ModelOutput> output = stackalloc ModelOutput[1];
        model.Predict(batch, output);
    }

    private static void Discard(ServedModel model) => (model.Model as IDisposable)?.Dispose();

    private async Task<IResult> ReloadLockedAsync(ModelOptions config, CancellationToken cancellationToken)
    {
        var name = config.Name;
        registry.TryGetEntry(name, out var current);
        var previous = current!.Model.Version;
        var path = config.Path!;
        if (!File.Exists(path))
        {
            return Refuse(name, "path", $"Model '{name}' was not reloaded: the model file '{path}' does not exist. Version {previous} is still served.");
        }

        ServedModel loaded;
        string fingerprint;
        try
        {
            fingerprint = (await ModelLoader.FingerprintAsync(config, cancellationToken))!;
            loaded = await ModelLoader.LoadAsync(config, logger, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the files hold, a reload answers a problem naming the file and keeps serving.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // A reference that does not fit the schema is named as such: the model file itself may be fine.
            var field = ex.InnerException is ReferenceSchemaException ? "reference" : "path";
            return Refuse(name, field, $"Model '{name}' was not reloaded from '{path}': {ex.Message} Version {previous} is still served.");
        }

        if (fingerprint == current.Fingerprint)
        {
            Discard(loaded);
            return Ok(current, previous, reloaded: false);
        }

        if (SchemaCompatibility.Check(current.Model, loaded.Model) is { } incompatible)
        {
            Discard(loaded);
            return Refuse(name, "schema", $"Model '{name}' was not reloaded from '{path}': its schema is incompatible with version {previous} ({incompatible}). Serve it under a new model name, or restart the service with it. Version {previous} is still served.");
        }

        try
        {
            Smoke(loaded.Model);
        }
#pragma warning disable CA1031 // A model that cannot predict is refused with a problem naming the file.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Discard(loaded);
            return Refuse(name, "path", $"Model '{name}' was not reloaded from '{path}': it failed to predict a test row: {ex.Message} Version {previous} is still served.");
        }

        var declared = loaded.Model.Version;
        var version = declared != current.DeclaredVersion ? declared : $"{declared}+{fingerprint}";
        if (version != declared)
        {
            loaded = loaded with { Model = new RenamedModel(loaded.Model, name, version) };
        }

        ModelEntry entry;
        try
        {
            entry = entryBuilder.Create(loaded, declared, fingerprint);
        }
#pragma warning disable CA1031 // A monitor that cannot watch the new model must not take serving down: refuse and keep the old one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ObserversFailed(logger, name, ex);

            // Factories may already hold observers of the new model: give the old model fresh ones, so what is
            // exported is what is served.
            registry.Replace(entryBuilder.Create(current.Served, current.DeclaredVersion, current.Fingerprint));
            Discard(loaded);
            return Refuse(name, "path", $"Model '{name}' was not reloaded from '{path}': monitoring could not be set up for it ({ex.Message}). Version {previous} is still served.");
        }

        registry.Replace(entry);
        Log.Reloaded(logger, name, previous, version, path);
        return Ok(entry, previous, reloaded: true);
    }

    private IResult Refuse(string name, string field, string detail)
    {
        Log.Refused(logger, name, detail);
        return Problems.Create(StatusCodes.Status409Conflict, field, detail);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Reloaded model {Model}: version {Previous} -> {Version} from {Path}.")]
        public static partial void Reloaded(ILogger logger, string model, string previous, string version, string path);

        [LoggerMessage(2, LogLevel.Warning, "Reload of model {Model} refused: {Detail}")]
        public static partial void Refused(ILogger logger, string model, string detail);

        [LoggerMessage(3, LogLevel.Error, "Creating the observers of reloaded model {Model} failed; the previous version is still served.")]
        public static partial void ObserversFailed(ILogger logger, string model, Exception exception);
    }
}
