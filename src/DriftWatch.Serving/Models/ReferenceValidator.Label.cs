using System.Globalization;
using DriftWatch.Data;

namespace DriftWatch.Serving.Models;

/// <content>The configured label column's rules (see the type's remarks).</content>
public static partial class ReferenceValidator
{
    private static (ReferenceProblem? Problem, DatasetColumn? Labels) CheckLabel(ModelSchema schema, Dataset reference, ModelTask task, string name, bool required)
    {
        if (schema.IndexOf(name) >= 0)
        {
            return (new ReferenceProblem(name, null, null, 0, $"label column '{name}' is a feature of the model; the label must be a column of its own"), null);
        }

        if (reference.Find(name) is not { } column)
        {
            return required ? (new ReferenceProblem(name, null, null, 0, $"no label column '{name}' (the model's label_column)"), null) : (null, null);
        }

        var binary = task == ModelTask.BinaryClassification;
        var rows = reference.RowCount;
        var labels = new double[rows];
        int missing = 0, bad = 0, firstMissing = -1, firstBad = -1;
        for (var i = 0; i < rows; i++)
        {
            double value;
            bool ok;
            if (column.Numbers is { } numbers)
            {
                value = numbers[i];
                ok = true;
            }
            else if (column.Strings![i] is not { } text)
            {
                value = double.NaN;
                ok = true;
            }
            else
            {
                ok = TryParseLabel(text, binary, out value);
            }

            if (ok && double.IsNaN(value))
            {
                missing++;
                firstMissing = firstMissing < 0 ? i : firstMissing;
            }
            else if (!ok || (binary ? value is not (0 or 1) : !double.IsFinite(value)))
            {
                bad++;
                firstBad = firstBad < 0 ? i : firstBad;
            }

            labels[i] = value;
        }

        if (bad > 0)
        {
            // Numbers are shown as the CSV reader's literals would write them (inf, -inf), not .NET's "Infinity".
            var value = column.Numbers is { } n
                ? double.IsInfinity(n[firstBad]) ? (n[firstBad] > 0 ? "inf" : "-inf") : n[firstBad].ToString("R", CultureInfo.InvariantCulture)
                : column.Strings![firstBad]!;
            var shown = value.Length > MaxValueLength ? string.Concat(value.AsSpan(0, MaxValueLength), "…") : value;
            var expected = binary ? "0/1 or true/false (a binary classifier's label)" : "finite numbers (a regression target)";
            return (new ReferenceProblem(name, firstBad + 1, value, bad, string.Create(
                CultureInfo.InvariantCulture,
                $"label column '{name}' must hold {expected} but {bad} of its {rows} values do not (first at row {firstBad + 1}: '{shown}')")), null);
        }

        if (missing > 0)
        {
            return (new ReferenceProblem(name, firstMissing + 1, null, missing, string.Create(
                CultureInfo.InvariantCulture,
                $"label column '{name}' has no label in {missing} of its {rows} rows (first at row {firstMissing + 1})")), null);
        }

        return (null, new DatasetColumn(name, binary ? ValueKind.Integer : column.Numbers is null ? ValueKind.Float : column.Kind, labels, null));
    }

    // A label written as text: a number by the CSV reader's rules, or true/false for a binary classifier (how Parquet
    // booleans and feedback's JSON booleans read).
    private static bool TryParseLabel(string text, bool binary, out double value)
    {
        var trimmed = text.AsSpan().Trim(' ');
        if (binary && (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)))
        {
            value = trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            return true;
        }

        return TryParse(text, out value);
    }
}
