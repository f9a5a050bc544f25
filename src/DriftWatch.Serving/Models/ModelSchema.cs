using System.Collections.Frozen;

namespace DriftWatch.Serving.Models;

/// <summary>The input features of a model, in a fixed order.</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread.</threadsafety></remarks>
public sealed class ModelSchema
{
    private readonly FrozenDictionary<string, int> _index;

    /// <summary>Initializes a new instance of the <see cref="ModelSchema"/> class.</summary>
    /// <param name="features">The features, in order; names must be distinct.</param>
    /// <exception cref="ArgumentException">There are no features, or a name repeats.</exception>
    public ModelSchema(IEnumerable<FeatureSchema> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = [.. features];
        if (Features.Count == 0)
        {
            throw new ArgumentException("A model needs at least one feature.", nameof(features));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Features.Count; i++)
        {
            if (!index.TryAdd(Features[i].Name, i))
            {
                throw new ArgumentException($"Feature '{Features[i].Name}' appears twice.", nameof(features));
            }
        }

        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the features, in order.</summary>
    public IReadOnlyList<FeatureSchema> Features { get; }

    /// <summary>Gets the number of features.</summary>
    public int Count => Features.Count;

    /// <summary>Finds a feature by name.</summary>
    /// <param name="name">The feature name (ordinal).</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}
