using DriftWatch.Data;

namespace DriftWatch.Analysis;

/// <summary>
/// Model-agnostic permutation feature importance: how much a quality score drops when one feature's values are shuffled,
/// breaking its link with the target while keeping its distribution.
/// </summary>
/// <remarks>
/// Importance_j = s(f(X)) − (1/R) Σ_r s(f(X with column j permuted by shuffle r)), where f is the model, s the score
/// (higher is better) and R the repeats; the spread is the population standard deviation of the R drops. This is the
/// definition of scikit-learn's <c>permutation_importance</c> and ML.NET's <c>PermutationFeatureImportance</c> (which
/// reports the change, the negative of this); the shuffles are seeded with <see cref="PermutationImportanceOptions.Seed"/>.
/// The model is any function from a dataset to predictions, so ML.NET, ONNX or remote models are treated alike.
/// Cost: (1 + features·repeats) predictions of the whole dataset.
/// <threadsafety>Stateless; <paramref name="predict"/> is called from the calling thread only.</threadsafety>
/// </remarks>
public static class PermutationImportance
{
    /// <summary>Computes the permutation importance of each feature.</summary>
    /// <param name="data">The labelled evaluation data (the reference), holding the features the model reads.</param>
    /// <param name="features">The features to permute, one at a time.</param>
    /// <param name="predict">The model: predictions (scores or values) for every row of a dataset.</param>
    /// <param name="score">The quality of a prediction vector, higher is better (close over the labels; for an error such
    /// as MAE pass its negative).</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>One importance per feature, most important first (ties in the given order).</returns>
    /// <exception cref="DriftAnalysisException">A feature is not a column of <paramref name="data"/>.</exception>
    /// <exception cref="ArgumentException">The score of the unshuffled data is not finite.</exception>
    public static IReadOnlyList<FeatureImportance> Compute(
        Dataset data,
        IReadOnlyList<string> features,
        Func<Dataset, double[]> predict,
        Func<double[], double> score,
        PermutationImportanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(score);
        options ??= new PermutationImportanceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repeats, 1);

        var baseline = score(predict(data));
        if (!double.IsFinite(baseline))
        {
            throw new ArgumentException($"the score of the unshuffled data is {baseline}; it must be finite.", nameof(score));
        }

        var random = new Random(options.Seed);
        var n = data.RowCount;
        var order = new int[n];
        var result = new List<FeatureImportance>(features.Count);
        foreach (var feature in features)
        {
            var index = IndexOf(data, feature);
            var column = data.Columns[index];
            var drops = new double[options.Repeats];
            for (var r = 0; r < options.Repeats; r++)
            {
                for (var i = 0; i < n; i++)
                {
                    order[i] = i;
                }

                random.Shuffle(order);
                var columns = data.Columns.ToArray();
                columns[index] = Permute(column, order);
                drops[r] = baseline - score(predict(data with { Columns = columns }));
            }

            var mean = drops.Average();
            var std = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length);
            result.Add(new FeatureImportance(feature, mean, std));
        }

        return [.. result.OrderByDescending(f => f.Importance)];
    }

    private static int IndexOf(Dataset data, string feature)
    {
        for (var j = 0; j < data.Columns.Count; j++)
        {
            if (string.Equals(data.Columns[j].Name, feature, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new DriftAnalysisException($"{data.Source}: column '{feature}' not found.");
    }

    private static DatasetColumn Permute(DatasetColumn column, int[] order)
    {
        if (column.Numbers is { } numbers)
        {
            var shuffled = new double[numbers.Length];
            for (var i = 0; i < order.Length; i++)
            {
                shuffled[i] = numbers[order[i]];
            }

            return column with { Numbers = shuffled };
        }

        var strings = column.Strings!;
        var permuted = new string?[strings.Length];
        for (var i = 0; i < order.Length; i++)
        {
            permuted[i] = strings[order[i]];
        }

        return column with { Strings = permuted };
    }
}
