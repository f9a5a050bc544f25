using System.Text;

namespace DriftWatch.Serving.Models;

/// <summary>One input feature of a model: its name, type and what the training data looked like.</summary>
/// <remarks>
/// For a numeric feature, <see cref="Min"/> and <see cref="Max"/> are the training range (NaN when unknown: then
/// no value is out of range). For a categorical feature, <see cref="Categories"/> are the categories seen in
/// training, in a fixed order; a value outside them is an unseen category (served, but counted).
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
public sealed class FeatureSchema
{
    private readonly byte[][] _categoryUtf8;

    private FeatureSchema(string name, FeatureKind kind, double min, double max, IReadOnlyList<string> categories)
    {
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        Kind = kind;
        Min = min;
        Max = max;
        Categories = categories;
        _categoryUtf8 = [.. categories.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Gets the feature name, as it appears in requests.</summary>
    public string Name { get; }

    /// <summary>Gets the UTF-8 bytes of <see cref="Name"/>, for allocation-free matching in request parsing.</summary>
    public ReadOnlyMemory<byte> NameUtf8 { get; }

    /// <summary>Gets the feature type.</summary>
    public FeatureKind Kind { get; }

    /// <summary>Gets the smallest training value of a numeric feature (NaN when unknown or categorical).</summary>
    public double Min { get; }

    /// <summary>Gets the largest training value of a numeric feature (NaN when unknown or categorical).</summary>
    public double Max { get; }

    /// <summary>Gets the known categories of a categorical feature (empty for numeric).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Gets a value indicating whether the training range is known.</summary>
    public bool HasRange => !double.IsNaN(Min) && !double.IsNaN(Max);

    /// <summary>Creates a numeric feature.</summary>
    /// <param name="name">The feature name.</param>
    /// <param name="min">The smallest training value, or NaN when unknown.</param>
    /// <param name="max">The largest training value, or NaN when unknown.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the range is infinite or inverted.</exception>
    public static FeatureSchema Numeric(string name, double min = double.NaN, double max = double.NaN)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (double.IsInfinity(min) || double.IsInfinity(max) || double.IsNaN(min) != double.IsNaN(max) || min > max)
        {
            throw new ArgumentException($"Feature '{name}': the range [{min}, {max}] must be finite with min <= max, or both NaN.", nameof(min));
        }

        return new FeatureSchema(name, FeatureKind.Numeric, min, max, []);
    }

    /// <summary>Creates a categorical feature.</summary>
    /// <param name="name">The feature name.</param>
    /// <param name="categories">The known categories (distinct, non-empty strings).</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or a category is empty or repeated.</exception>
    public static FeatureSchema Categorical(string name, IEnumerable<string> categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(categories);
        var list = categories.ToArray();
        if (list.Any(string.IsNullOrEmpty) || list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException($"Feature '{name}': categories must be distinct, non-empty strings.", nameof(categories));
        }

        return new FeatureSchema(name, FeatureKind.Categorical, double.NaN, double.NaN, list);
    }

    /// <summary>Gets whether a finite value lies outside the training range.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the range is known and the value is below <see cref="Min"/> or above <see cref="Max"/>.</returns>
    public bool IsOutOfRange(double value) => value < Min || value > Max;

    /// <summary>Finds a category by its UTF-8 bytes.</summary>
    /// <param name="utf8">The category as UTF-8.</param>
    /// <returns>The index in <see cref="Categories"/>, or -1.</returns>
    public int IndexOfCategory(ReadOnlySpan<byte> utf8)
    {
        // A linear scan: categorical features have a handful of categories, where it beats hashing.
        for (var i = 0; i < _categoryUtf8.Length; i++)
        {
            if (utf8.SequenceEqual(_categoryUtf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds a category by name.</summary>
    /// <param name="value">The category.</param>
    /// <returns>The index in <see cref="Categories"/>, or -1.</returns>
    public int IndexOfCategory(string? value)
    {
        if (value is null)
        {
            return -1;
        }

        for (var i = 0; i < Categories.Count; i++)
        {
            if (string.Equals(Categories[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
