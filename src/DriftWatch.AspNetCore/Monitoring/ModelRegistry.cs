using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using DriftWatch.Serving.Models;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The models the service serves, by name.</summary>
/// <remarks>
/// Filled at start-up; <see cref="IsReady"/> turns true once every model is loaded and the store is open.
/// <threadsafety>Thread-safe: the model table is an immutable dictionary swapped atomically.</threadsafety>
/// </remarks>
public sealed class ModelRegistry
{
    private volatile FrozenDictionary<string, ModelEntry> _entries = FrozenDictionary<string, ModelEntry>.Empty;
    private volatile ModelEntry[] _ordered = [];
    private readonly Lock _swap = new();

    /// <summary>Gets the served models, in configuration order.</summary>
    public IReadOnlyList<ServedModel> Models => [.. _ordered.Select(e => e.Served)];

    /// <summary>Gets a value indicating whether the models are loaded and the store is open.</summary>
    public bool IsReady { get; internal set; }

    /// <summary>Finds a served model.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="model">The model when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetModel(string name, [NotNullWhen(true)] out ServedModel? model)
    {
        model = _entries.TryGetValue(name, out var entry) ? entry.Served : null;
        return model is not null;
    }

    internal IReadOnlyList<ModelEntry> Entries => _ordered;

    internal bool TryGetEntry(string name, [NotNullWhen(true)] out ModelEntry? entry) => _entries.TryGetValue(name, out entry);

    internal void Set(IEnumerable<ModelEntry> entries)
    {
        lock (_swap)
        {
            var list = entries.ToArray();
            _entries = list.ToFrozenDictionary(e => e.Model.Name, StringComparer.Ordinal);
            _ordered = list;
        }
    }

    /// <summary>Swaps one model's entry (a reload): requests that already hold the old entry finish on it.</summary>
    /// <param name="entry">The new entry; its model name must be served already.</param>
    internal void Replace(ModelEntry entry)
    {
        lock (_swap)
        {
            var list = _ordered.Select(e => e.Model.Name == entry.Model.Name ? entry : e).ToArray();
            _entries = list.ToFrozenDictionary(e => e.Model.Name, StringComparer.Ordinal);
            _ordered = list;
        }
    }
}
