using System.Globalization;
using CsvHelper;

namespace DriftWatch.Data;

/// <summary>Accumulates one CSV column: numbers while every cell parses, text from the first cell that does not.</summary>
/// <remarks><threadsafety>Not thread safe.</threadsafety></remarks>
internal sealed class CsvColumnBuilder
{
    private readonly ChunkedBuffer<double> _numbers = new();
    private ChunkedBuffer<string?>? _text;
    private string?[]? _final;
    private bool _allIntegers = true;
    private bool _anyValue;

    public CsvColumnBuilder(string name)
    {
        Name = name;
    }

    /// <summary>Gets the column name.</summary>
    public string Name { get; }

    /// <summary>Gets the first row stored as text, or -1 while the column is numeric.</summary>
    public int TextFromRow { get; private set; } = -1;

    /// <summary>Adds the cell of this column in the reader's current row.</summary>
    public void Add(CsvReader reader, int index, int row)
    {
        if (_text is not null)
        {
            _text.Add(reader.IsEmpty(index) ? null : reader.GetString(index));
            return;
        }

        var span = reader.GetSpan(index);
        if (span.IsEmpty)
        {
            _numbers.Add(double.NaN);
            return;
        }

        if (CsvDatasetReader.TryParseNumber(span, out var value, out var isInteger))
        {
            _numbers.Add(value);
            if (!double.IsNaN(value))
            {
                _anyValue = true;
                _allIntegers &= isInteger;
            }

            return;
        }

        TextFromRow = row;
        _text = new ChunkedBuffer<string?>();
        _text.Add(reader.GetString(index));
    }

    /// <summary>Stores the text of an early row (before <see cref="TextFromRow"/>) read in a second pass.</summary>
    public void SetEarlyText(int row, string? value, int rows)
    {
        _final ??= new string?[rows];
        _final[row] = value;
    }

    /// <summary>Formats the early numeric rows back to text when the input cannot be read twice.</summary>
    public void FormatEarlyNumbers()
    {
        var numbers = new double[_numbers.Count];
        _numbers.MoveTo(numbers, 0);
        _final = new string?[numbers.Length + (_text?.Count ?? 0)];
        for (var i = 0; i < numbers.Length; i++)
        {
            _final[i] = double.IsNaN(numbers[i]) ? null : numbers[i].ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Builds the finished column of <paramref name="rows"/> rows, releasing the buffers.</summary>
    public DatasetColumn Build(int rows)
    {
        if (_text is null)
        {
            var numbers = new double[rows];
            _numbers.MoveTo(numbers, 0);
            var kind = _anyValue && _allIntegers ? ValueKind.Integer : ValueKind.Float;
            return new DatasetColumn(Name, kind, numbers, null);
        }

        var strings = _final ?? new string?[rows];
        _text.MoveTo(strings, TextFromRow);
        return new DatasetColumn(Name, ValueKind.String, null, strings);
    }
}
