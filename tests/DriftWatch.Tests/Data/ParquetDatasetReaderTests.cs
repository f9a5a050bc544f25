using DriftWatch.Data;
using Parquet;
using Parquet.Schema;

namespace DriftWatch.Tests.Data;

public sealed class ParquetDatasetReaderTests
{
    [Fact]
    public async Task ReadAsync_TypedColumns_MapsKindsAndNulls()
    {
        using var file = new TempFile("d.parquet");
        var schema = new ParquetSchema(
            new DataField<double>("income"),
            new DataField<double?>("score"),
            new DataField<int>("age"),
            new DataField<long?>("accounts"),
            new DataField<float>("ratio"),
            new DataField<string>("device"),
            new DataField<bool?>("flag"));
        await WriteAsync(file.Path, schema, async group =>
        {
            await group.WriteAsync(schema.DataFields[0], Values(new double[] { 1.5, 2.5, 3.5 }));
            await group.WriteAsync(schema.DataFields[1], Values(new double?[] { 0.5, null, 1.0 }));
            await group.WriteAsync(schema.DataFields[2], Values(new[] { 41, 35, 29 }));
            await group.WriteAsync(schema.DataFields[3], Values(new long?[] { 3, null, 7 }));
            await group.WriteAsync(schema.DataFields[4], Values(new[] { 0.25f, 0.5f, 0.75f }));
            await group.WriteAsync(schema.DataFields[5], new[] { "mobile", null, "desktop" });
            await group.WriteAsync(schema.DataFields[6], Values(new bool?[] { true, false, null }));
        });

        var data = await ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, data.RowCount);
        Assert.Equal(["income", "score", "age", "accounts", "ratio", "device", "flag"], data.Columns.Select(c => c.Name));
        Assert.Equal(
            [ValueKind.Float, ValueKind.Float, ValueKind.Integer, ValueKind.Integer, ValueKind.Float, ValueKind.String, ValueKind.String],
            data.Columns.Select(c => c.Kind));
        Assert.Equal([1.5, 2.5, 3.5], data.Columns[0].Numbers!);
        Assert.Equal([0.5, double.NaN, 1.0], data.Columns[1].Numbers!);
        Assert.Equal([41.0, 35.0, 29.0], data.Columns[2].Numbers!);
        Assert.Equal([3.0, double.NaN, 7.0], data.Columns[3].Numbers!);
        Assert.Equal([0.25, 0.5, 0.75], data.Columns[4].Numbers!);
        Assert.Equal(["mobile", null, "desktop"], data.Columns[5].Strings!);
        Assert.Equal(["true", "false", null], data.Columns[6].Strings!);
    }

    [Fact]
    public async Task ReadAsync_SeveralRowGroups_Concatenated()
    {
        using var file = new TempFile("d.parquet");
        var field = new DataField<double>("x");
        var schema = new ParquetSchema(field);
        await using (var stream = File.Create(file.Path))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: TestContext.Current.CancellationToken);
            for (var g = 0; g < 3; g++)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(field, Values(Enumerable.Range(g * 10, 10).Select(i => (double)i).ToArray()), null, null, TestContext.Current.CancellationToken);
            }
        }

        var data = await ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => (double)i), data.Columns[0].Numbers!);
    }

    [Fact]
    public async Task ReadAsync_UnsupportedType_NamesColumn()
    {
        using var file = new TempFile("d.parquet");
        var schema = new ParquetSchema(new DataField<DateTime>("when"));
        await WriteAsync(file.Path, schema, group =>
            group.WriteAsync(schema.DataFields[0], Values(new[] { new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) })));

        var ex = await Assert.ThrowsAsync<DatasetReadException>(
            () => ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{file.Path}: column 'when' has type DateTime; supported are numbers, strings and booleans", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_NotParquet_NamesFile()
    {
        using var file = TempFile.WithText("d.parquet", "a,b\n1,2\n");

        var ex = await Assert.ThrowsAsync<DatasetReadException>(
            () => ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken));

        Assert.StartsWith($"{file.Path}: not a readable Parquet file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_NamesFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "driftwatch-no-such-file.parquet");

        var ex = await Assert.ThrowsAsync<DatasetReadException>(
            () => DatasetReader.ReadAsync(path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{path}: file not found", ex.Message);
    }

    private static ReadOnlyMemory<T> Values<T>(T[] values) => values;

    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> write)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: TestContext.Current.CancellationToken);
        using var group = writer.CreateRowGroup();
        await write(group);
    }
}
