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
    public async Task ReadAsync_SeveralRowGroupsWithNulls_EveryKindInRowOrder()
    {
        // Row groups of uneven sizes (one of a single null row), nulls first, last and in runs: each value must land in
        // its own row after the present values are spread out of Parquet's packed form.
        using var file = new TempFile("d.parquet");
        var fields = new DataField[]
        {
            new DataField<double?>("score"),
            new DataField<double>("income"),
            new DataField<int?>("age"),
            new DataField<long>("accounts"),
            new DataField<float?>("ratio"),
            new DataField<decimal?>("amount"),
            new DataField<string>("segment"),
            new DataField<bool?>("flag"),
        };
        var schema = new ParquetSchema(fields);
        var random = new Random(7);
        string[] labels = ["retail", "sme", "corporate"];
        var sizes = new[] { 700, 1, 2300 };
        var expected = new List<object?[]>();
        await using (var stream = File.Create(file.Path))
        {
            var ct = TestContext.Current.CancellationToken;
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
            foreach (var n in sizes)
            {
                var score = new double?[n];
                var income = new double[n];
                var age = new int?[n];
                var accounts = new long[n];
                var ratio = new float?[n];
                var amount = new decimal?[n];
                var segment = new string?[n];
                var flag = new bool?[n];
                for (var i = 0; i < n; i++)
                {
                    var missing = n == 1 || i == 0 || i == n - 1 || random.Next(4) == 0;
                    score[i] = missing ? null : random.NextDouble() - 0.5;
                    income[i] = 1000 * random.NextDouble();
                    age[i] = random.Next(5) == 0 ? null : random.Next(18, 90);
                    accounts[i] = random.NextInt64(-5, 1L << 40);
                    ratio[i] = random.Next(3) == 0 ? null : (float)random.NextDouble();
                    amount[i] = random.Next(3) == 0 ? null : random.Next(100_000) / 100m;
                    segment[i] = random.Next(6) == 0 ? null : labels[random.Next(labels.Length)];
                    flag[i] = random.Next(3) switch { 0 => null, 1 => true, _ => false };
                    expected.Add([score[i], income[i], age[i], accounts[i], ratio[i], amount[i], segment[i], flag[i]]);
                }

                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], Values(score), null, null, ct);
                await group.WriteAsync(fields[1], Values(income), null, null, ct);
                await group.WriteAsync(fields[2], Values(age), null, null, ct);
                await group.WriteAsync(fields[3], Values(accounts), null, null, ct);
                await group.WriteAsync(fields[4], Values(ratio), null, null, ct);
                await group.WriteAsync(fields[5], Values(amount), null, null, ct);
                await group.WriteAsync(fields[6], segment);
                await group.WriteAsync(fields[7], Values(flag), null, null, ct);
            }
        }

        var data = await ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(sizes.Sum(), data.RowCount);
        Assert.Equal(expected.Select(r => r[0] is double v ? v : double.NaN), data.Columns[0].Numbers!);
        Assert.Equal(expected.Select(r => (double)r[1]!), data.Columns[1].Numbers!);
        Assert.Equal(expected.Select(r => r[2] is int v ? v : double.NaN), data.Columns[2].Numbers!);
        Assert.Equal(expected.Select(r => (double)(long)r[3]!), data.Columns[3].Numbers!);
        Assert.Equal(expected.Select(r => r[4] is float v ? v : double.NaN), data.Columns[4].Numbers!);
        Assert.Equal(expected.Select(r => r[5] is decimal v ? (double)v : double.NaN), data.Columns[5].Numbers!);
        Assert.Equal(expected.Select(r => (string?)r[6]), data.Columns[6].Strings!);
        Assert.Equal(expected.Select(r => r[7] is bool v ? (v ? "true" : "false") : null), data.Columns[7].Strings!);
        Assert.Equal(
            [ValueKind.Float, ValueKind.Float, ValueKind.Integer, ValueKind.Integer, ValueKind.Float, ValueKind.Float, ValueKind.String, ValueKind.String],
            data.Columns.Select(c => c.Kind));

        // One string instance per label across row groups: a categorical column costs its references, not a string per row.
        var instances = data.Columns[6].Strings!.OfType<string>().Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.Equal(labels.Length, instances);
    }

    [Fact]
    public async Task ReadAsync_RequiredTextColumn_ReadsEveryRow()
    {
        using var file = new TempFile("d.parquet");
        var schema = new ParquetSchema(new DataField<string>("code", false), new DataField<byte>("level"));
        await WriteAsync(file.Path, schema, async group =>
        {
            await group.WriteAsync(schema.DataFields[0], new[] { "a", "bb", "a", "ccc" });
            await group.WriteAsync(schema.DataFields[1], Values(new byte[] { 0, 255, 7, 1 }));
        });

        var data = await ParquetDatasetReader.ReadAsync(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "bb", "a", "ccc"], data.Columns[0].Strings!);
        Assert.Same(data.Columns[0].Strings![0], data.Columns[0].Strings![2]);
        Assert.Equal([0.0, 255.0, 7.0, 1.0], data.Columns[1].Numbers!);
        Assert.Equal(ValueKind.Integer, data.Columns[1].Kind);
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
