using System.Buffers;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace DriftWatch.Data;

/// <summary>Reads a Parquet file (flat schema) into a <see cref="Dataset"/> with Parquet.Net.</summary>
/// <remarks>
/// <para>Column kinds: <c>float</c>, <c>double</c> and <c>decimal</c> are <see cref="ValueKind.Float"/>; signed and
/// unsigned integers of any width are <see cref="ValueKind.Integer"/>; strings are <see cref="ValueKind.String"/>;
/// booleans are <see cref="ValueKind.String"/> with the labels <c>false</c> and <c>true</c> (categorical, as Evidently
/// treats them). Nulls are missing (NaN or <see langword="null"/>). Nested, repeated and other types (dates, binary)
/// are an error naming the column.</para>
/// <para>Speed and memory: <c>double</c> columns are decoded straight into the final array, one row group at a time
/// (missing values are then moved into place); other numeric, text and boolean columns go through one pooled buffer of
/// one row group's column. Text columns share one string per distinct label (up to 4096 labels per column), so
/// categorical columns allocate no string per row. What remains is Parquet.Net's own per-page buffers, which are garbage
/// as soon as the page is decoded.</para>
/// <threadsafety>Stateless; safe to call from several threads.</threadsafety>
/// </remarks>
public static class ParquetDatasetReader
{
    /// <summary>Reads a Parquet file.</summary>
    /// <param name="path">The file path (also the dataset's <see cref="Dataset.Source"/>).</param>
    /// <param name="progress">Receives the fraction of row groups read, from 0 to 1; optional.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DatasetReadException">The file is missing, not Parquet, or has an unsupported column (the
    /// message names the file and column).</exception>
    public static async Task<Dataset> ReadAsync(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetReadException($"{path}: file not found");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                return await ReadStreamAsync(path, stream, progress, cancellationToken).ConfigureAwait(false);
            }
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

    /// <summary>Reads Parquet data from a seekable stream.</summary>
    /// <param name="source">The name used in error messages and as <see cref="Dataset.Source"/>.</param>
    /// <param name="stream">The input (readable and seekable).</param>
    /// <param name="progress">Receives the fraction of row groups read; optional.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DatasetReadException">The input is not Parquet or has an unsupported column.</exception>
    public static async Task<Dataset> ReadStreamAsync(string source, Stream stream, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DatasetReadException($"{source}: not a readable Parquet file ({ex.Message})", ex);
        }

        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.GetDataFields();
            if (fields.Length == 0)
            {
                throw new DatasetReadException($"{source}: the Parquet file has no columns");
            }

            var kinds = new ValueKind[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                kinds[i] = KindOf(source, fields[i]);
            }

            long total = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                total += reader.OpenRowGroupReader(g).RowCount;
            }

            if (total > Array.MaxLength)
            {
                throw new DatasetReadException($"{source}: too many rows ({total})");
            }

            var rows = (int)total;
            var targets = new ColumnTarget[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                targets[i] = kinds[i] == ValueKind.String
                    ? new ColumnTarget(null, new string?[rows], fields[i].ClrType == typeof(bool) ? null : new LabelTable())
                    : new ColumnTarget(new double[rows], null, null);
            }

            var offset = 0;
            var garbage = new PageGarbage();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                for (var i = 0; i < fields.Length; i++)
                {
                    try
                    {
                        await ReadColumnAsync(group, fields[i], targets[i], offset, count, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not DatasetReadException)
                    {
                        throw new DatasetReadException($"{source}: column '{fields[i].Name}': {ex.Message}", ex);
                    }

                    garbage.CollectWhenLarge();
                }

                offset += count;
                progress?.Report((double)(g + 1) / reader.RowGroupCount);
            }

            var columns = new DatasetColumn[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                columns[i] = new DatasetColumn(fields[i].Name, kinds[i], targets[i].Numbers, targets[i].Strings);
            }

            return new Dataset(source, columns);
        }
    }

    private static ValueKind KindOf(string source, DataField field)
    {
        if (field.IsArray || field.Path.ToList().Count > 1)
        {
            throw new DatasetReadException($"{source}: column '{field.Path}' is nested or repeated; only flat columns are supported");
        }

        var t = field.ClrType;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return ValueKind.Float;
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte)
            || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong))
        {
            return ValueKind.Integer;
        }

        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>) || t == typeof(bool))
        {
            return ValueKind.String;
        }

        throw new DatasetReadException($"{source}: column '{field.Name}' has type {t.Name}; supported are numbers, strings and booleans");
    }

    private static async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, ColumnTarget target, int offset, int count, CancellationToken ct)
    {
        // Definition levels exist for optional columns only: a value is present where its level is the maximum.
        var nullable = field.MaxDefinitionLevel > 0;
        var levels = nullable ? ArrayPool<int>.Shared.Rent(count) : null;
        try
        {
            Memory<int>? definitions = levels is null ? (Memory<int>?)null : levels.AsMemory(0, count);
            var t = field.ClrType;
            if (target.Strings is { } strings)
            {
                if (t == typeof(bool))
                {
                    await ReadBooleansAsync(group, field, definitions, strings.AsMemory(offset, count), ct).ConfigureAwait(false);
                }
                else
                {
                    await ReadTextAsync(group, field, definitions, strings.AsMemory(offset, count), target.Labels!, ct).ConfigureAwait(false);
                }

                return;
            }

            var destination = target.Numbers!.AsMemory(offset, count);
            if (t == typeof(double))
            {
                // Straight into the final array; missing values are then spread out in place.
                await group.ReadRawAsync(field, destination, definitions, null, ct).ConfigureAwait(false);
                if (levels is not null)
                {
                    Spread(destination.Span, levels.AsSpan(0, count), field.MaxDefinitionLevel);
                }

                return;
            }

            var read = t switch
            {
                _ when t == typeof(float) => ReadConvertedAsync<float>(group, field, definitions, destination, ct),
                _ when t == typeof(decimal) => ReadConvertedAsync<decimal>(group, field, definitions, destination, ct),
                _ when t == typeof(int) => ReadConvertedAsync<int>(group, field, definitions, destination, ct),
                _ when t == typeof(long) => ReadConvertedAsync<long>(group, field, definitions, destination, ct),
                _ when t == typeof(short) => ReadConvertedAsync<short>(group, field, definitions, destination, ct),
                _ when t == typeof(sbyte) => ReadConvertedAsync<sbyte>(group, field, definitions, destination, ct),
                _ when t == typeof(byte) => ReadConvertedAsync<byte>(group, field, definitions, destination, ct),
                _ when t == typeof(ushort) => ReadConvertedAsync<ushort>(group, field, definitions, destination, ct),
                _ when t == typeof(uint) => ReadConvertedAsync<uint>(group, field, definitions, destination, ct),
                _ => ReadConvertedAsync<ulong>(group, field, definitions, destination, ct),
            };
            await read.ConfigureAwait(false);
        }
        finally
        {
            if (levels is not null)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
    }

    /// <summary>Moves the present values, packed at the start of <paramref name="values"/> as Parquet decodes them, to
    /// their rows, and writes NaN into the missing rows (back to front, so nothing is overwritten before it moved).</summary>
    private static void Spread(Span<double> values, ReadOnlySpan<int> definitions, int present)
    {
        var next = Present(definitions, present) - 1;
        for (var i = values.Length - 1; i >= 0; i--)
        {
            values[i] = definitions[i] == present ? values[next--] : double.NaN;
        }
    }

    private static int Present(ReadOnlySpan<int> definitions, int present)
    {
        var n = 0;
        foreach (var d in definitions)
        {
            n += d == present ? 1 : 0;
        }

        return n;
    }

    private static async Task ReadConvertedAsync<T>(ParquetRowGroupReader group, DataField field, Memory<int>? definitions, Memory<double> destination, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var count = destination.Length;
        var buffer = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await group.ReadRawAsync(field, buffer.AsMemory(0, count), definitions, null, ct).ConfigureAwait(false);
            var d = destination.Span;
            if (definitions is not { } levels)
            {
                for (var i = 0; i < count; i++)
                {
                    d[i] = double.CreateChecked(buffer[i]);
                }

                return;
            }

            var l = levels.Span;
            var max = field.MaxDefinitionLevel;
            for (int i = 0, next = 0; i < count; i++)
            {
                d[i] = l[i] == max ? double.CreateChecked(buffer[next++]) : double.NaN;
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static async Task ReadTextAsync(ParquetRowGroupReader group, DataField field, Memory<int>? definitions, Memory<string?> destination, LabelTable labels, CancellationToken ct)
    {
        // Decoded as slices of the page's characters, then turned into strings through the column's label table, so a
        // categorical column allocates one string per distinct label instead of one per row.
        var count = destination.Length;
        var buffer = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(count);
        try
        {
            await group.ReadRawAsync(field, buffer.AsMemory(0, count), definitions, null, ct).ConfigureAwait(false);
            var d = destination.Span;
            var l = definitions is { } levels ? levels.Span : default;
            var max = field.MaxDefinitionLevel;
            for (int i = 0, next = 0; i < count; i++)
            {
                d[i] = definitions is null || l[i] == max ? labels.Get(buffer[next++].Span) : null;
            }
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static async Task ReadBooleansAsync(ParquetRowGroupReader group, DataField field, Memory<int>? definitions, Memory<string?> destination, CancellationToken ct)
    {
        var count = destination.Length;
        var buffer = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            await group.ReadRawAsync(field, buffer.AsMemory(0, count), definitions, null, ct).ConfigureAwait(false);
            var d = destination.Span;
            var l = definitions is { } levels ? levels.Span : default;
            var max = field.MaxDefinitionLevel;
            for (int i = 0, next = 0; i < count; i++)
            {
                d[i] = definitions is null || l[i] == max ? (buffer[next++] ? "true" : "false") : null;
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Keeps Parquet.Net's decoding garbage from piling up: it copies every compressed page through a growing
    /// <see cref="MemoryStream"/> into a new array before decompressing it, about three times the compressed page in
    /// large-object garbage. The runtime collects large objects only with full collections, whose allowance grows with
    /// the live large objects (here, the columns read so far), so on a million-row file the garbage reached the size of
    /// the data again before a collection came. A blocking full collection after every <see cref="Limit"/> bytes
    /// allocated bounds it at the price of a few to a few tens of milliseconds each (the live data are arrays of numbers,
    /// with nothing to trace; the cost is freeing the garbage).
    /// </summary>
    private sealed class PageGarbage
    {
        private const long Limit = 64L << 20;
        private long _mark = GC.GetTotalAllocatedBytes();

        public void CollectWhenLarge()
        {
            var now = GC.GetTotalAllocatedBytes();
            if (now - _mark < Limit)
            {
                return;
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            _mark = GC.GetTotalAllocatedBytes();
        }
    }

    /// <summary>Where one column's values go: numbers or strings, and for text the column's shared labels.</summary>
    private sealed record ColumnTarget(double[]? Numbers, string?[]? Strings, LabelTable? Labels);

    /// <summary>One string instance per distinct label of a text column, looked up by the decoded characters without
    /// allocating. Categorical columns repeat a few labels; sharing them keeps a million-row column at 8 MB of
    /// references. Past <see cref="Limit"/> distinct labels (an identifier column) new labels are not remembered.</summary>
    private sealed class LabelTable
    {
        private const int Limit = 4096;
        private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public LabelTable() => _lookup = _labels.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> text)
        {
            if (_lookup.TryGetValue(text, out var label))
            {
                return label;
            }

            label = new string(text);
            if (_labels.Count < Limit)
            {
                _labels[label] = label;
            }

            return label;
        }
    }
}
