using System.Text;
using DriftWatch.Data;
using Parquet;
using Parquet.Schema;

namespace DriftWatch.Serving.Tests.Models;

/// <summary>Reference datasets read by the real readers: CSV text, and Parquet columns written with Parquet.Net.</summary>
internal static class ReferenceData
{
    public static Dataset Csv(string text) => CsvDatasetReader.Read("ref.csv", new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes one row group of the given columns (<c>double?[]</c>, <c>long?[]</c>, <c>bool?[]</c> or <c>string?[]</c>) and reads it back.</summary>
    public static async Task<Dataset> ParquetAsync(params (string Name, Array Values)[] columns)
    {
        var fields = columns.Select(c => c.Values switch
        {
            double?[] => (DataField)new DataField<double?>(c.Name),
            long?[] => new DataField<long?>(c.Name),
            bool?[] => new DataField<bool?>(c.Name),
            string?[] => new DataField<string>(c.Name),
            _ => throw new ArgumentException($"Unsupported column type {c.Values.GetType()}", nameof(columns)),
        }).ToArray();
        using var stream = new MemoryStream();
        var ct = TestContext.Current.CancellationToken;
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                switch (columns[i].Values)
                {
                    case double?[] d:
                        await group.WriteAsync<double>(fields[i], d.AsMemory(), null, null, ct);
                        break;
                    case long?[] l:
                        await group.WriteAsync<long>(fields[i], l.AsMemory(), null, null, ct);
                        break;
                    case bool?[] b:
                        await group.WriteAsync<bool>(fields[i], b.AsMemory(), null, null, ct);
                        break;
                    case string?[] s:
                        await group.WriteAsync(fields[i], s!);
                        break;
                }
            }
        }

        stream.Position = 0;
        return await ParquetDatasetReader.ReadStreamAsync("ref.parquet", stream, cancellationToken: ct);
    }
}
