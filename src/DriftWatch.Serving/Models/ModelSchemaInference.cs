using DriftWatch.Data;

namespace DriftWatch.Serving.Models;

/// <summary>Learns a model schema (training ranges and categories) from reference data.</summary>
public static class ModelSchemaInference
{
    /// <summary>Builds a schema from the columns of a dataset.</summary>
    /// <param name="data">The reference (training) data.</param>
    /// <param name="features">The feature columns, in order; others (label, prediction) are ignored.</param>
    /// <returns>Numeric columns with their finite min/max, string columns with their distinct values in first-seen order.</returns>
    /// <exception cref="ArgumentException">A feature column is absent.</exception>
    public static ModelSchema FromDataset(Dataset data, IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        var list = new List<FeatureSchema>();
        foreach (var name in features)
        {
            var column = data.Find(name) ?? throw new ArgumentException($"{data.Source}: no column '{name}'.", nameof(features));
            if (column.Numbers is { } numbers)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (var v in numbers)
                {
                    if (double.IsFinite(v))
                    {
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }

                list.Add(min <= max ? FeatureSchema.Numeric(name, min, max) : FeatureSchema.Numeric(name));
            }
            else
            {
                var seen = new List<string>();
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var s in column.Strings ?? [])
                {
                    if (!string.IsNullOrEmpty(s) && set.Add(s))
                    {
                        seen.Add(s);
                    }
                }

                list.Add(FeatureSchema.Categorical(name, seen));
            }
        }

        return new ModelSchema(list);
    }
}
