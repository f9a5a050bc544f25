using System.Globalization;
using DriftWatch.Data;

namespace DriftWatch.Serving.Models;

/// <summary>Checks that a reference dataset fits a model's schema before it becomes a reference profile.</summary>
/// <remarks>
/// <para>Rules, one problem per column (all are reported together):</para>
/// <list type="bullet">
/// <item>The dataset has at least <see cref="MinimumRows"/> rows.</item>
/// <item>Every schema feature has a column (names compare ordinally).</item>
/// <item>A numeric feature's column holds numbers: every non-missing cell parses with the CSV reader's rules (invariant
/// culture, <c>nan</c> is missing, <c>inf</c>/<c>infinity</c> with an optional sign are ±Inf). The problem names the
/// column, how many cells failed, and the first one's row (1-based, counted after the header) and value. A text column
/// whose cells all parse (a Parquet string column of numbers) is accepted and replaced by its numbers.</item>
/// <item>A categorical feature's column may hold numbers (they are categories written as digits).</item>
/// <item>A feature column with no value at all (every cell missing) is an error: it could never be compared.</item>
/// <item>A configured label column (<c>labelColumn</c>) is not a schema feature; when required (a model's reference file)
/// it exists; when present, every row holds a label that fits the task: binary classification 0 or 1 (numbers, or the
/// text <c>0</c>/<c>1</c>/<c>true</c>/<c>false</c> in any case, as feedback accepts), regression a finite number. A missing
/// label is refused too: CBPE would read it as class 0. The column is returned as numbers (1 for <c>true</c>).</item>
/// <item>Other columns are ignored. The label column (the configured one, else any of <see cref="LabelColumns"/>) and
/// prediction columns (<see cref="PredictionColumns"/>) are expected; the rest are returned in
/// <see cref="ReferenceValidation.IgnoredColumns"/> for a warning.</item>
/// </list>
/// <para>Without these checks a numeric feature whose column holds text (<c>n/a</c>, <c>12k</c>) would be profiled as
/// categorical, and the live window, which holds numbers, would never match it.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static partial class ReferenceValidator
{
    /// <summary>The fewest reference rows accepted: a distribution needs two values.</summary>
    public const int MinimumRows = 2;

    private const int MaxValueLength = 40;

    /// <summary>Gets the label columns a reference may carry (label-free estimation reads the first one present).</summary>
    public static IReadOnlyList<string> LabelColumns { get; } = ["default", "label", "target"];

    /// <summary>Gets the prediction columns a reference may carry.</summary>
    public static IReadOnlyList<string> PredictionColumns { get; } = ["prediction"];

    /// <summary>Checks a reference dataset against a model schema.</summary>
    /// <param name="schema">The model's schema.</param>
    /// <param name="reference">The reference rows.</param>
    /// <returns>The dataset to profile and the ignored columns.</returns>
    /// <exception cref="ReferenceSchemaException">The dataset does not fit the schema; the message names every column at
    /// fault and starts with <see cref="Dataset.Source"/>.</exception>
    public static ReferenceValidation Validate(ModelSchema schema, Dataset reference) =>
        Validate(schema, reference, ModelTask.BinaryClassification, labelColumn: null, labelRequired: false);

    /// <summary>Checks a reference dataset against a model schema and its configured label column.</summary>
    /// <param name="schema">The model's schema.</param>
    /// <param name="reference">The reference rows.</param>
    /// <param name="task">The model's task, which decides the label values accepted.</param>
    /// <param name="labelColumn">The configured label column, or <see langword="null"/> to accept any of
    /// <see cref="LabelColumns"/> unchecked.</param>
    /// <param name="labelRequired"><see langword="true"/> when the dataset must hold the label column (a model's reference
    /// file); <see langword="false"/> when it may leave it out (a drift reference sent with <c>PUT</c>).</param>
    /// <returns>The dataset to profile (the label column as numbers) and the ignored columns.</returns>
    /// <exception cref="ReferenceSchemaException">The dataset does not fit the schema or the label column; the message names
    /// every column at fault and starts with <see cref="Dataset.Source"/>.</exception>
    public static ReferenceValidation Validate(ModelSchema schema, Dataset reference, ModelTask task, string? labelColumn, bool labelRequired)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<ReferenceProblem>();
        var rows = reference.RowCount;
        if (rows < MinimumRows)
        {
            problems.Add(new ReferenceProblem(null, null, null, 0, string.Create(
                CultureInfo.InvariantCulture, $"{rows} row{(rows == 1 ? string.Empty : "s")}; a reference needs at least {MinimumRows}")));
        }

        Dictionary<string, DatasetColumn>? converted = null;
        foreach (var feature in schema.Features)
        {
            var column = reference.Find(feature.Name);
            var kind = feature.Kind == FeatureKind.Numeric ? "numeric" : "categorical";
            if (column is null)
            {
                problems.Add(new ReferenceProblem(feature.Name, null, null, 0, $"no column '{feature.Name}' (a {kind} feature of the model)"));
                continue;
            }

            if (rows > 0 && CountPresent(column, feature.Kind == FeatureKind.Numeric) == 0)
            {
                problems.Add(new ReferenceProblem(feature.Name, null, null, rows, string.Create(
                    CultureInfo.InvariantCulture, $"column '{feature.Name}' has no values: all {rows} rows are missing")));
                continue;
            }

            if (feature.Kind == FeatureKind.Numeric && column.Strings is { } strings)
            {
                if (CheckNumbers(feature.Name, strings) is { } problem)
                {
                    problems.Add(problem);
                }
                else
                {
                    converted ??= new Dictionary<string, DatasetColumn>(StringComparer.Ordinal);
                    converted[feature.Name] = ToNumbers(column.Name, strings);
                }
            }
        }

        if (labelColumn is not null)
        {
            var (problem, labels) = CheckLabel(schema, reference, task, labelColumn, labelRequired);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else if (labels is not null)
            {
                converted ??= new Dictionary<string, DatasetColumn>(StringComparer.Ordinal);
                converted[labelColumn] = labels;
            }
        }

        if (problems.Count > 0)
        {
            throw new ReferenceSchemaException(reference.Source, problems);
        }

        // A configured label column replaces the guessed names: a 'label' column beside a configured 'is_fraud' is unused.
        IReadOnlyList<string> labelNames = labelColumn is null ? LabelColumns : [labelColumn];
        var ignored = reference.Columns
            .Select(c => c.Name)
            .Where(n => schema.IndexOf(n) < 0 && !labelNames.Contains(n, StringComparer.Ordinal) && !PredictionColumns.Contains(n, StringComparer.Ordinal))
            .ToArray();
        var result = converted is null
            ? reference
            : reference with { Columns = [.. reference.Columns.Select(c => converted.TryGetValue(c.Name, out var n) ? n : c)] };
        return new ReferenceValidation(result, ignored);
    }

    private static int CountPresent(DatasetColumn column, bool numeric)
    {
        var present = 0;
        if (column.Numbers is { } numbers)
        {
            foreach (var v in numbers)
            {
                present += double.IsNaN(v) ? 0 : 1;
            }
        }
        else if (column.Strings is { } strings)
        {
            foreach (var s in strings)
            {
                present += s is null || (numeric && IsMissingNumber(s)) ? 0 : 1;
            }
        }

        return present;
    }

    // In a numeric feature, text that reads as NaN ("nan", blanks) is missing, as the CSV reader reads it in a numeric column.
    private static bool IsMissingNumber(string text) => TryParse(text, out var value) && double.IsNaN(value);

    private static ReferenceProblem? CheckNumbers(string name, string?[] strings)
    {
        var failed = 0;
        var present = 0;
        var first = -1;
        for (var i = 0; i < strings.Length; i++)
        {
            if (strings[i] is not { } s)
            {
                continue;
            }

            if (!TryParse(s, out var v))
            {
                failed++;
                present++;
                first = first < 0 ? i : first;
            }
            else if (!double.IsNaN(v))
            {
                present++;
            }
        }

        if (failed == 0)
        {
            return null;
        }

        var value = strings[first]!;
        var shown = value.Length > MaxValueLength ? string.Concat(value.AsSpan(0, MaxValueLength), "…") : value;
        return new ReferenceProblem(name, first + 1, value, failed, string.Create(
            CultureInfo.InvariantCulture,
            $"column '{name}' is a numeric feature but {failed} of its {present} values are not numbers (first at row {first + 1}: '{shown}')"));
    }

    private static DatasetColumn ToNumbers(string name, string?[] strings)
    {
        var numbers = new double[strings.Length];
        var integers = true;
        for (var i = 0; i < strings.Length; i++)
        {
            numbers[i] = strings[i] is { } s && TryParse(s, out var v) ? v : double.NaN;
            integers &= double.IsNaN(numbers[i]) || (double.IsFinite(numbers[i]) && Math.Floor(numbers[i]) == numbers[i]);
        }

        return new DatasetColumn(name, integers ? ValueKind.Integer : ValueKind.Float, numbers, null);
    }

    // The CSV reader's number rules (CsvDatasetReader.TryParseNumber, internal to the core library) on a string:
    // invariant culture, surrounding spaces allowed, nan and ±inf/±infinity literals in any case.
    private static bool TryParse(string text, out double value)
    {
        var span = text.AsSpan().Trim(' ');
        if (span.IsEmpty)
        {
            // A blank cell: missing, as an empty CSV cell is.
            value = double.NaN;
            return true;
        }

        var body = span[0] is '+' or '-' ? span[1..] : span;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = span[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value))
        {
            return true;
        }

        value = double.NaN;
        return false;
    }
}
