using DriftWatch.Data;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Monitoring;

/// <summary>Runs a model over reference rows, for the reference prediction distribution that prediction drift compares with.</summary>
internal static class ReferenceScoring
{
    private const int Chunk = 2_048;

    /// <summary>Scores every row of a dataset whose columns are named as the model's features (missing columns count as missing values).</summary>
    public static double[] Score(IModel model, Dataset reference)
    {
        var schema = model.Schema;
        var columns = schema.Features.Select(f => reference.Find(f.Name)).ToArray();
        var scores = new double[reference.RowCount];
        var outputs = new ModelOutput[Chunk];
        for (var start = 0; start < reference.RowCount; start += Chunk)
        {
            var n = Math.Min(Chunk, reference.RowCount - start);
            var batch = new FeatureBatch(schema, n);
            for (var f = 0; f < columns.Length; f++)
            {
                if (columns[f] is not { } column)
                {
                    continue;
                }

                for (var r = 0; r < n; r++)
                {
                    if (schema.Features[f].Kind == FeatureKind.Numeric)
                    {
                        batch.SetNumber(r, f, column.Numbers is { } numbers && double.IsFinite(numbers[start + r]) ? numbers[start + r] : double.NaN);
                    }
                    else
                    {
                        batch.SetString(r, f, column.Strings?[start + r] ?? Format(column.Numbers, start + r));
                    }
                }
            }

            model.Predict(batch, outputs.AsSpan(0, n));
            for (var r = 0; r < n; r++)
            {
                scores[start + r] = outputs[r].Score;
            }
        }

        return scores;
    }

    private static string? Format(double[]? numbers, int row) =>
        numbers is not null && double.IsFinite(numbers[row]) ? numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
}
