#:package Parquet.Net
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Writes a reference/current Parquet pair of N rows x 20 columns for the `driftwatch report` scale measurement:
// 16 double columns (normal, log-normal, uniform; the current side of four of them shifted), 2 integer columns and
// 2 string columns. Deterministic (seeded). Usage:
//   dotnet run bench/scripts/make-parquet-pair.cs -- OUT_DIR [ROWS]
using Parquet;
using Parquet.Schema;

var outDir = args.Length > 0 ? args[0] : ".";
var rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
Directory.CreateDirectory(outDir);
await WriteAsync(Path.Combine(outDir, "reference.parquet"), rows, seed: 1, shift: false);
await WriteAsync(Path.Combine(outDir, "current.parquet"), rows, seed: 2, shift: true);
Console.WriteLine($"wrote {rows} rows x 20 columns to {outDir}/reference.parquet and current.parquet");

static async Task WriteAsync(string path, int rows, int seed, bool shift)
{
    const int groupSize = 250_000;
    var fields = new List<DataField>();
    for (var c = 0; c < 16; c++)
    {
        fields.Add(new DataField<double>($"x{c:00}"));
    }

    fields.Add(new DataField<int>("count_a"));
    fields.Add(new DataField<long>("count_b"));
    fields.Add(new DataField<string>("segment"));
    fields.Add(new DataField<string>("channel"));
    var schema = new ParquetSchema(fields);
    var random = new Random(seed);
    string[] segments = ["retail", "sme", "corporate", "private", "public"];
    string[] channels = ["web", "mobile", "branch"];
    await using var stream = File.Create(path);
    await using var writer = await ParquetWriter.CreateAsync(schema, stream);
    for (var start = 0; start < rows; start += groupSize)
    {
        var n = Math.Min(groupSize, rows - start);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < 16; c++)
        {
            var values = new double[n];
            var delta = shift && c < 4 ? 0.25 : 0.0;
            for (var i = 0; i < n; i++)
            {
                var z = Normal(random);
                values[i] = (c % 3) switch
                {
                    0 => z + delta,
                    1 => Math.Exp(0.5 * z + delta),
                    _ => random.NextDouble() + delta,
                };
            }

            await group.WriteAsync(fields[c], (ReadOnlyMemory<double>)values);
        }

        var a = new int[n];
        var b = new long[n];
        var s = new string[n];
        var ch = new string[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = random.Next(shift ? 9 : 8);
            b[i] = random.Next(1000);
            s[i] = segments[random.Next(segments.Length)];
            ch[i] = channels[random.Next(channels.Length)];
        }

        await group.WriteAsync(fields[16], (ReadOnlyMemory<int>)a);
        await group.WriteAsync(fields[17], (ReadOnlyMemory<long>)b);
        await group.WriteAsync(fields[18], s);
        await group.WriteAsync(fields[19], ch);
    }
}

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
