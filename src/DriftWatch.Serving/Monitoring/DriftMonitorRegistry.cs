using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using DriftWatch.Data;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;
using DriftWatch.Statistics;

namespace DriftWatch.Serving.Monitoring;

/// <summary>
/// The drift monitors of the served models: creates them (from a stored reference profile, or from the model's reference
/// data), replaces a model's reference, and saves and restores their state in the <see cref="IStateStore"/>.
/// </summary>
/// <remarks>
/// State keys: <c>drift/{model}/profile</c> (the reference profile JSON, written when a reference is replaced, so it
/// survives a restart) and <c>drift/{model}/state</c> (count window, quality window and detector, written by
/// <see cref="SaveStateAsync"/>).
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
public sealed class DriftMonitorRegistry
{
    private readonly ConcurrentDictionary<string, ModelDriftObserver> _observers = new(StringComparer.Ordinal);
    private readonly IStateStore? _store;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="DriftMonitorRegistry"/> class.</summary>
    /// <param name="options">The monitor options for every model (the task decides <see cref="DriftMonitorOptions.Classification"/>).</param>
    /// <param name="store">Where profiles and state are kept, or <see langword="null"/> to keep nothing.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public DriftMonitorRegistry(DriftMonitorOptions options, IStateStore? store = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the monitor options shared by every model.</summary>
    public DriftMonitorOptions Options { get; }

    /// <summary>Gets the current monitors.</summary>
    public IEnumerable<DriftMonitor> Monitors => _observers.Values.Select(o => o.Monitor);

    /// <summary>Gets the observers (model and current monitor), ordered by model name.</summary>
    public IReadOnlyList<ModelDriftObserver> Observers => [.. _observers.Values.OrderBy(o => o.Model.Name, StringComparer.Ordinal)];

    /// <summary>Gets the watched model names.</summary>
    public IReadOnlyList<string> ModelNames => [.. _observers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds a model's monitor.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="monitor">The monitor, when the model is watched.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetMonitor(string model, [NotNullWhen(true)] out DriftMonitor? monitor)
    {
        monitor = _observers.TryGetValue(model, out var observer) ? observer.Monitor : null;
        return monitor is not null;
    }

    /// <summary>Creates (or re-creates, on reload) the observer of a model: stored profile first, else its reference data.</summary>
    /// <remarks>
    /// At start-up the saved state (windows, detector) is restored. When the model is already watched (a reload), the
    /// new observer starts with empty windows and the saved state is deleted: the windows hold the previous model's
    /// scores and its detector watched the previous model's errors.
    /// </remarks>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The observer, or <see langword="null"/> when the model has neither a stored profile nor reference data.</returns>
    public async Task<ModelDriftObserver?> AttachAsync(ServedModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reload = _observers.ContainsKey(model.Name);
        ReferenceProfile? profile = null;
        if (await ReadAsync(ProfileKey(model.Name), cancellationToken).ConfigureAwait(false) is { } stored)
        {
            try
            {
                profile = ReferenceProfile.FromJson(stored);
            }
            catch (FormatException)
            {
                profile = null; // An unreadable stored profile is ignored; the model's own reference takes over.
            }

            // A profile stored before references were checked may have learned a numeric feature as categories (text in
            // its column); such a profile can never match the live window, so the model's own reference takes over.
            if (profile is not null && !FitsSchema(model.Model.Schema, profile))
            {
                profile = null;
            }
        }

        if (profile is null && model.Reference is { RowCount: > 0 } reference)
        {
            profile = BuildProfile(model.Model, reference);
        }

        if (profile is null)
        {
            return null;
        }

        var monitor = CreateMonitor(model.Model, profile);
        if (reload && _store is not null)
        {
            await _store.DeleteStateAsync(StateKey(model.Name), cancellationToken).ConfigureAwait(false);
        }
        else if (await ReadAsync(StateKey(model.Name), cancellationToken).ConfigureAwait(false) is { } state)
        {
            try
            {
                monitor.RestoreState(state);
            }
            catch (FormatException)
            {
                // A state from another profile or version: start with empty windows.
            }
        }

        var observer = new ModelDriftObserver(model, monitor);
        _observers[model.Name] = observer;
        return observer;
    }

    /// <summary>Replaces a model's reference: builds and stores the new profile, and swaps in a fresh monitor.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="reference">The new reference rows (columns named as the model's features; others are ignored).</param>
    /// <param name="cancellationToken">Cancels the store writes.</param>
    /// <returns>The new monitor.</returns>
    /// <exception cref="KeyNotFoundException">The model is not watched.</exception>
    /// <exception cref="ArgumentException">The reference has no rows or none of the model's features.</exception>
    public async Task<DriftMonitor> ReplaceReferenceAsync(string model, Dataset reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!_observers.TryGetValue(model, out var observer))
        {
            throw new KeyNotFoundException($"Model '{model}' is not watched for drift.");
        }

        var profile = BuildProfile(observer.Model.Model, reference);
        var monitor = CreateMonitor(observer.Model.Model, profile);
        if (_store is not null)
        {
            await _store.PutStateAsync(ProfileKey(model), Encoding.UTF8.GetBytes(profile.ToJson()), cancellationToken).ConfigureAwait(false);
            await _store.DeleteStateAsync(StateKey(model), cancellationToken).ConfigureAwait(false);
        }

        observer.Replace(monitor);
        return monitor;
    }

    /// <summary>Saves every monitor's state (windows and detector) to the store.</summary>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes once every state is committed.</returns>
    public async Task SaveStateAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            return;
        }

        foreach (var (name, observer) in _observers)
        {
            var state = observer.Monitor.SaveState();
            await _store.PutStateAsync(StateKey(name), Encoding.UTF8.GetBytes(state), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Builds a model's reference profile: its features' columns, and its scores on the reference rows.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The reference rows.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">The reference has no rows or none of the model's features.</exception>
    public static ReferenceProfile BuildProfile(IModel model, Dataset reference)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var features = model.Schema.Features;
        var columns = features.Select(f => reference.Find(f.Name)).OfType<DatasetColumn>().ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException($"{reference.Source} has none of the features of model '{model.Name}'.", nameof(reference));
        }

        var options = new ReferenceProfileOptions();
        foreach (var f in features)
        {
            if (f.Kind == FeatureKind.Categorical && reference.Find(f.Name)?.Numbers is not null)
            {
                options.Categorical.Add(f.Name);
            }
        }

        return ReferenceProfile.Build(new Dataset(reference.Source, columns), options, ReferenceScoring.Score(model, reference));
    }

    private static bool FitsSchema(ModelSchema schema, ReferenceProfile profile)
    {
        foreach (var feature in profile.Features)
        {
            var i = schema.IndexOf(feature.Name);
            if (i >= 0 && schema.Features[i].Kind == FeatureKind.Numeric && feature.Type != ColumnType.Numerical)
            {
                return false;
            }
        }

        return true;
    }

    private static string ProfileKey(string model) => $"drift/{model}/profile";

    private static string StateKey(string model) => $"drift/{model}/state";

    private DriftMonitor CreateMonitor(IModel model, ReferenceProfile profile)
    {
        var options = Options.Clone();
        options.Classification = model.Task == ModelTask.BinaryClassification;
        return new DriftMonitor(profile, [.. model.Schema.Features.Select(f => f.Name)], options, _time);
    }

    private async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return null;
        }

        var bytes = await _store.GetStateAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }
}
