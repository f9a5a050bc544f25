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
/// <para>Speed and memory: non-nullable <c>double</c> columns are decoded straight into the final array; other
/// numeric columns go through one pooled buffer per row group. Peak memory is the values plus one row group's
/// column.</para>
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
                return await ReadAsync(path, stream, progress, cancellationToken).ConfigureAwait(false);
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
    public static async Task<Dataset> ReadAsync(string source, Stream stream, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
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
            var numbers = new double[]?[fields.Length];
            var strings = new string?[]?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                if (kinds[i] == ValueKind.String)
                {
                    strings[i] = new string?[rows];
                }
                else
                {
                    numbers[i] = new double[rows];
                }
            }

            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                for (var i = 0; i < fields.Length; i++)
                {
                    try
                    {
                        await ReadColumnAsync(group, fields[i], numbers[i], strings[i], offset, count, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not DatasetReadException)
                    {
                        throw new DatasetReadException($"{source}: column '{fields[i].Name}': {ex.Message}", ex);
                    }
                }

                offset += count;
                progress?.Report((double)(g + 1) / reader.RowGroupCount);
            }

            var columns = new DatasetColumn[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                columns[i] = new DatasetColumn(fields[i].Name, kinds[i], numbers[i], strings[i]);
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

    private static Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, double[]? numbers, string?[]? strings, int offset, int count, CancellationToken ct)
    {
        var t = field.ClrType;
        if (strings is not null)
        {
            return t == typeof(bool)
                ? ReadBooleansAsync(group, field, strings, offset, count, ct)
                : ReadStringsAsync(group, field, strings, offset, count, ct);
        }

        var destination = numbers!;
        if (t == typeof(double))
        {
            return field.IsNullable
                ? ReadNullableAsync<double>(group, field, destination, offset, count, ct)
                : ReadDoublesAsync(group, field, destination, offset, count, ct);
        }

        return t switch
        {
            _ when t == typeof(float) => ReadNumbersAsync<float>(group, field, destination, offset, count, ct),
            _ when t == typeof(decimal) => ReadNumbersAsync<decimal>(group, field, destination, offset, count, ct),
            _ when t == typeof(int) => ReadNumbersAsync<int>(group, field, destination, offset, count, ct),
            _ when t == typeof(long) => ReadNumbersAsync<long>(group, field, destination, offset, count, ct),
            _ when t == typeof(short) => ReadNumbersAsync<short>(group, field, destination, offset, count, ct),
            _ when t == typeof(sbyte) => ReadNumbersAsync<sbyte>(group, field, destination, offset, count, ct),
            _ when t == typeof(byte) => ReadNumbersAsync<byte>(group, field, destination, offset, count, ct),
            _ when t == typeof(ushort) => ReadNumbersAsync<ushort>(group, field, destination, offset, count, ct),
            _ when t == typeof(uint) => ReadNumbersAsync<uint>(group, field, destination, offset, count, ct),
            _ => ReadNumbersAsync<ulong>(group, field, destination, offset, count, ct),
        };
    }

    private static async Task ReadDoublesAsync(ParquetRowGroupReader group, DataField field, double[] destination, int offset, int count, CancellationToken ct) =>
        await group.ReadAsync(field, destination.AsMemory(offset, count), null, ct).ConfigureAwait(false);

    private static Task ReadNumbersAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, int offset, int count, CancellationToken ct)
        where T : struct, INumberBase<T> =>
        field.IsNullable
            ? ReadNullableAsync<T>(group, field, destination, offset, count, ct)
            : ReadPlainAsync<T>(group, field, destination, offset, count, ct);

    private static async Task ReadPlainAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, int offset, int count, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var buffer = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, count), null, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                destination[offset + i] = double.CreateChecked(buffer[i]);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static async Task ReadNullableAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, int offset, int count, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var buffer = ArrayPool<T?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, count), null, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var v = buffer[i];
                destination[offset + i] = v.HasValue ? double.CreateChecked(v.Value) : double.NaN;
            }
        }
        finally
        {
            ArrayPool<T?>.Shared.Return(buffer);
        }
    }

    private static async Task ReadStringsAsync(ParquetRowGroupReader group, DataField field, string?[] destination, int offset, int count, CancellationToken ct)
    {
        await group.ReadAsync(field, destination.AsMemory(offset, count)!, null, ct).ConfigureAwait(false);

        // Categorical columns repeat a few labels; sharing one instance per label keeps a million-row column small.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = offset; i < offset + count && pool.Count < 4096; i++)
        {
            var s = destination[i];
            if (s is not null)
            {
                if (pool.TryGetValue(s, out var shared))
                {
                    destination[i] = shared;
                }
                else
                {
                    pool[s] = s;
                }
            }
        }
    }

    private static async Task ReadBooleansAsync(ParquetRowGroupReader group, DataField field, string?[] destination, int offset, int count, CancellationToken ct)
    {
        var buffer = ArrayPool<bool?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, count), null, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var v = buffer[i];
                destination[offset + i] = v.HasValue ? (v.Value ? "true" : "false") : null;
            }
        }
        finally
        {
            ArrayPool<bool?>.Shared.Return(buffer);
        }
    }
}
