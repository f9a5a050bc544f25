using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

/// <summary>
/// Loads TestData/continuous_methods.json (written by tests/reference/continuous_methods.py with scipy) and
/// regenerates its seeded data sets bit for bit.
/// </summary>
internal static class ContinuousReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "continuous_methods.json"))));

    private static readonly ConcurrentDictionary<string, (ColumnSample Reference, ColumnSample Current)> Samples = new(StringComparer.Ordinal);

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.First(c => c.GetProperty("name").GetString() == name);

    public static (ColumnSample Reference, ColumnSample Current) Data(string name) =>
        Samples.GetOrAdd(name, n =>
        {
            var c = Case(n);
            return (ColumnSample.FromNumbers(Values(c, "reference")), ColumnSample.FromNumbers(Values(c, "current")));
        });

    public static double[] Values(JsonElement c, string side)
    {
        if (c.TryGetProperty(side, out var inline))
        {
            var options = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
            return inline.Deserialize<double[]>(options)!;
        }

        var spec = c.GetProperty(side + "_spec");
        return Generate(
            spec.GetProperty("seed").GetUInt64(),
            spec.GetProperty("n").GetInt32(),
            spec.GetProperty("kind").GetString()!,
            spec.GetProperty("loc").GetDouble(),
            spec.GetProperty("scale").GetDouble(),
            spec.TryGetProperty("k", out var k) ? k.GetInt32() : 0);
    }

    /// <summary>The script's generator: splitmix64 uniforms and exactly rounded arithmetic only.</summary>
    public static double[] Generate(ulong seed, int n, string kind, double loc, double scale, int k)
    {
        var state = seed;
        double Uniform()
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                var z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                return (z >> 11) * Math.ScaleB(1.0, -53);
            }
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            double b;
            switch (kind)
            {
                case "irwin":
                    b = Uniform() + Uniform() + Uniform() + Uniform() - 2.0;
                    break;
                case "skew":
                    b = Uniform() + Uniform() + Uniform() + Uniform() - 2.0;
                    b *= b;
                    break;
                case "grid":
                    b = Math.Floor(Uniform() * k);
                    break;
                case "uniform":
                    b = Uniform();
                    break;
                default:
                    throw new ArgumentException(kind, nameof(kind));
            }

            result[i] = loc + (scale * b);
        }

        return result;
    }
}
