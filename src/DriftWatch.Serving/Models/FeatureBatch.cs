namespace DriftWatch.Serving.Models;

/// <summary>A batch of input rows for one model, stored row-major: cell <c>row * FeatureCount + feature</c>.</summary>
/// <remarks>
/// A numeric cell holds its value in <see cref="Numbers"/> (NaN when missing; values are finite otherwise: the
/// request parser rejects NaN and ±Inf). A categorical cell holds its text in <see cref="Strings"/>
/// (<see langword="null"/> when missing) and its code in <see cref="Codes"/>: the index in
/// <see cref="FeatureSchema.Categories"/>, <see cref="MissingCode"/> or <see cref="UnseenCode"/>.
/// <threadsafety>Not thread-safe while being filled; read-only (and safe to share) once handed to a model.</threadsafety>
/// </remarks>
public sealed class FeatureBatch
{
    /// <summary>The code of a missing categorical value.</summary>
    public const int MissingCode = -1;

    /// <summary>The code of a categorical value outside the known categories.</summary>
    public const int UnseenCode = -2;

    private readonly double[] _numbers;
    private readonly int[] _codes;
    private readonly string?[] _strings;

    /// <summary>Initializes a new instance of the <see cref="FeatureBatch"/> class with every cell missing.</summary>
    /// <param name="schema">The model schema.</param>
    /// <param name="count">The number of rows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public FeatureBatch(ModelSchema schema, int count)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Schema = schema;
        Count = count;
        FeatureCount = schema.Count;
        _numbers = new double[count * FeatureCount];
        _codes = new int[count * FeatureCount];
        _strings = new string?[count * FeatureCount];
        _numbers.AsSpan().Fill(double.NaN);
        _codes.AsSpan().Fill(MissingCode);
    }

    /// <summary>Gets the schema.</summary>
    public ModelSchema Schema { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; }

    /// <summary>Gets the number of features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Gets the numeric cells (NaN for missing or categorical cells).</summary>
    public ReadOnlySpan<double> Numbers => _numbers;

    /// <summary>Gets the categorical codes (<see cref="MissingCode"/> for numeric cells).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Gets the categorical texts (<see langword="null"/> for missing or numeric cells).</summary>
    public ReadOnlySpan<string?> Strings => _strings;

    /// <summary>Gets a numeric cell.</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <returns>The value, NaN when missing.</returns>
    public double GetNumber(int row, int feature) => _numbers[(row * FeatureCount) + feature];

    /// <summary>Gets a categorical cell.</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <returns>The text, <see langword="null"/> when missing.</returns>
    public string? GetString(int row, int feature) => _strings[(row * FeatureCount) + feature];

    /// <summary>Gets a categorical code.</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <returns>The category index, <see cref="MissingCode"/> or <see cref="UnseenCode"/>.</returns>
    public int GetCode(int row, int feature) => _codes[(row * FeatureCount) + feature];

    /// <summary>Sets a numeric cell.</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <param name="value">The value (NaN for missing).</param>
    public void SetNumber(int row, int feature, double value) => _numbers[(row * FeatureCount) + feature] = value;

    /// <summary>Sets a categorical cell; the code is looked up in the schema.</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <param name="value">The text (<see langword="null"/> or empty for missing).</param>
    public void SetString(int row, int feature, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            SetCategory(row, feature, null, MissingCode);
            return;
        }

        var code = Schema.Features[feature].IndexOfCategory(value);
        SetCategory(row, feature, code >= 0 ? Schema.Features[feature].Categories[code] : value, code >= 0 ? code : UnseenCode);
    }

    /// <summary>Sets a categorical cell whose code is already known (the request parser's fast path).</summary>
    /// <param name="row">The row.</param>
    /// <param name="feature">The feature index.</param>
    /// <param name="value">The text.</param>
    /// <param name="code">The code matching <paramref name="value"/>.</param>
    public void SetCategory(int row, int feature, string? value, int code)
    {
        var cell = (row * FeatureCount) + feature;
        _strings[cell] = value;
        _codes[cell] = code;
    }
}
