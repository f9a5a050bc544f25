using System.Globalization;
using System.Text;
using CsvHelper;

namespace DriftWatch.Data;

/// <summary>Reads a CSV file (header row, comma separated, RFC 4180 quoting, UTF-8) into a <see cref="Dataset"/>.</summary>
/// <remarks>
/// <para>Rules: the first row names the columns (names must be non-empty and unique). An empty cell is missing. In a
/// numeric column, <c>nan</c> is missing too, and <c>inf</c>, <c>+inf</c>, <c>-inf</c>, <c>infinity</c> and
/// <c>-infinity</c> (any case) are ±Inf. Numbers are parsed with the invariant culture (<c>.</c> decimal point, no
/// thousands separators). A column whose non-missing cells are all integers written without a point or exponent is
/// <see cref="ValueKind.Integer"/>; all numbers otherwise is <see cref="ValueKind.Float"/>; a column with any other
/// cell is <see cref="ValueKind.String"/> (its cells kept as written; only empty cells are missing). A row with more or
/// fewer cells than the header is an error naming the line.</para>
/// <para>Speed: one pass over the file with CsvHelper's vectorised parser and UTF-8 number parsing (no string per
/// numeric cell). A column that turns out to be text after numeric rows is re-read in a second pass for those rows
/// only, so numeric text such as <c>007</c> keeps its spelling. Memory: the values plus their transient chunks, which are
/// collected before the method returns.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class CsvDatasetReader
{
    private const int ProgressEvery = 1 << 15;

    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file path (also the dataset's <see cref="Dataset.Source"/>).</param>
    /// <param name="progress">Receives the fraction of the file read, from 0 to 1; optional.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DatasetReadException">The file is missing or malformed (the message names the file and line).</exception>
    public static Dataset Read(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetReadException($"{path}: file not found");
        }

        try
        {
            using var stream = OpenRead(path);
            return ReadCore(path, stream, progress, cancellationToken);
        }
        catch (CsvFormatException ex)
        {
            throw new DatasetReadException(Describe(path, ex), ex);
        }
        catch (IOException ex)
        {
            throw new DatasetReadException($"{path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatasetReadException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads CSV text from a stream.</summary>
    /// <param name="source">The name used in error messages and as <see cref="Dataset.Source"/>.</param>
    /// <param name="stream">The UTF-8 input; read once, so a column that turns to text late is re-parsed from a
    /// seekable stream only (otherwise its earlier numeric cells are formatted back, round-trip).</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DatasetReadException">The input is malformed (the message names the source and line).</exception>
    public static Dataset Read(string source, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return ReadCore(source, stream, null, CancellationToken.None);
        }
        catch (CsvFormatException ex)
        {
            throw new DatasetReadException(Describe(source, ex), ex);
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static CsvReaderOptions Options() => new()
    {
        Separator = ',',
        HasHeader = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static string Describe(string source, CsvFormatException ex)
    {
        var where = ex.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber}: ")
            : ex.RecordNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"record {ex.RecordNumber}: ") : string.Empty;
        return $"{source}: {where}{ex.Message}";
    }

    private static Dataset ReadCore(string source, Stream stream, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var length = stream.CanSeek ? stream.Length - stream.Position : 0;
        var start = stream.CanSeek ? stream.Position : 0;
        using var reader = CsvReader.Create(stream, Options(), leaveOpen: true);
        var headers = ReadHeader(source, reader);
        var columns = new CsvColumnBuilder[headers.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new CsvColumnBuilder(headers[i]);
        }

        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Add(reader, i, rows);
            }

            rows++;
            if ((rows & (ProgressEvery - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && length > 0)
                {
                    progress.Report(Math.Min(1.0, (double)reader.ByteOffset / length));
                }
            }
        }

        var late = columns.Where(c => c.TextFromRow > 0).ToArray();
        if (late.Length > 0)
        {
            ReparseText(source, stream, start, late, columns, rows);
        }

        var result = new DatasetColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            result[i] = columns[i].Build(rows);
        }

        // The columns' chunks are now garbage the size of the data, in large-object chunks interleaved across columns. The
        // runtime collects large objects only with full collections, which would let that garbage (and, for a second file,
        // its chunks too) pile up; one collection here, a few milliseconds, lets the next file reuse the memory.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        progress?.Report(1.0);
        return new Dataset(source, result);
    }

    private static string[] ReadHeader(string source, CsvReader reader)
    {
        reader.ReadHeader();
        var headers = reader.Headers.ToArray();
        if (headers.Length == 0)
        {
            throw new DatasetReadException($"{source}: line 1: no header row (the file is empty)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                throw new DatasetReadException(string.Create(
                    CultureInfo.InvariantCulture, $"{source}: line 1: column {i + 1} of the header has no name"));
            }

            if (!seen.Add(headers[i]))
            {
                throw new DatasetReadException(string.Create(
                    CultureInfo.InvariantCulture, $"{source}: line 1: column '{headers[i]}' appears twice in the header (columns {Array.IndexOf(headers, headers[i]) + 1} and {i + 1})"));
            }
        }

        return headers;
    }

    private static void ReparseText(string source, Stream stream, long start, CsvColumnBuilder[] late, CsvColumnBuilder[] all, int rows)
    {
        if (!stream.CanSeek)
        {
            foreach (var column in late)
            {
                column.FormatEarlyNumbers();
            }

            return;
        }

        stream.Position = start;
        using var reader = CsvReader.Create(stream, Options(), leaveOpen: true);
        _ = ReadHeader(source, reader);
        var indices = late.Select(c => Array.IndexOf(all, c)).ToArray();
        var last = late.Max(c => c.TextFromRow);
        var row = 0;
        while (row < last && reader.Read())
        {
            for (var k = 0; k < late.Length; k++)
            {
                if (row < late[k].TextFromRow)
                {
                    late[k].SetEarlyText(row, reader.IsEmpty(indices[k]) ? null : reader.GetString(indices[k]), rows);
                }
            }

            row++;
        }
    }

    /// <summary>Parses a UTF-8 numeric cell: a number, or one of the literals <c>nan</c> (missing) and
    /// <c>inf</c>/<c>infinity</c> with an optional sign (any case).</summary>
    /// <param name="utf8">The cell.</param>
    /// <param name="value">The value (NaN for <c>nan</c>).</param>
    /// <param name="isInteger">Whether the cell is an integer written with digits only (optional sign).</param>
    /// <returns><see langword="false"/> when the cell is not a number.</returns>
    internal static bool TryParseNumber(ReadOnlySpan<byte> utf8, out double value, out bool isInteger)
    {
        utf8 = utf8.Trim((byte)' ');
        isInteger = false;
        if (utf8.IsEmpty)
        {
            value = double.NaN;
            return false;
        }

        var last = utf8[^1] | 0x20;
        if (last is 'n' or 'f' or 'y')
        {
            return TryParseLiteral(utf8, out value);
        }

        if (!double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        isInteger = IsIntegerText(utf8);
        return true;
    }

    private static bool TryParseLiteral(ReadOnlySpan<byte> utf8, out double value)
    {
        var sign = 1.0;
        var body = utf8;
        if (body[0] is (byte)'+' or (byte)'-')
        {
            sign = body[0] == (byte)'-' ? -1.0 : 1.0;
            body = body[1..];
        }

        if (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        value = double.NaN;
        return false;
    }

    private static bool IsIntegerText(ReadOnlySpan<byte> utf8)
    {
        var i = utf8[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        if (i == utf8.Length)
        {
            return false;
        }

        for (; i < utf8.Length; i++)
        {
            if (utf8[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }
}
