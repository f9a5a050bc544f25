using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

/// <summary>
/// Regenerates the samples described in the reference JSON files, bit for bit as tests/reference/refdata.py does
/// (splitmix64, exact arithmetic only), and decodes inline values.
/// </summary>
internal static class ReferenceData
{
    private static readonly ConcurrentDictionary<string, object?[]> Cache = new(StringComparer.Ordinal);

    public static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)));

    /// <summary>Materialises one side: an array of doubles (NaN/±Inf kept) or strings (null = missing).</summary>
    public static object?[] Materialise(JsonElement side)
    {
        var key = side.GetRawText();
        return Cache.GetOrAdd(key, _ => side.TryGetProperty("inline", out var inline) ? Decode(inline) : Generate(side.GetProperty("gen")));
    }

    /// <summary>Builds the cleaned sample for a method, as the analyzer would.</summary>
    public static ColumnSample Sample(JsonElement side, string type, string labels)
    {
        var values = Materialise(side);
        if (labels == "string")
        {
            return ColumnSample.FromCategories([.. values.Select(v => (string?)v)]);
        }

        double[] numbers = [.. values.Select(v => (double)v!)];
        return type == "numerical" ? ColumnSample.FromNumbers(numbers) : ColumnSample.FromNumericCategories(numbers);
    }

    /// <summary>Reads an expected number: a JSON number or "nan"/"inf"/"-inf"; null stays null.</summary>
    public static double? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => throw new FormatException(s),
        },
        _ => throw new FormatException(element.GetRawText()),
    };

    private static object?[] Decode(JsonElement inline)
    {
        var result = new object?[inline.GetArrayLength()];
        var i = 0;
        foreach (var v in inline.EnumerateArray())
        {
            result[i++] = v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => v.GetDouble(),
                JsonValueKind.String when v.GetString() is "nan" or "inf" or "-inf" => Number(v),
                JsonValueKind.String => v.GetString(),
                _ => throw new FormatException(v.GetRawText()),
            };
        }

        return result;
    }

    private static object?[] Generate(JsonElement spec)
    {
        var n = spec.GetProperty("n").GetInt32();
        var rng = new SplitMix64(spec.GetProperty("seed").GetUInt64());
        var result = new object?[n];
        switch (spec.GetProperty("kind").GetString())
        {
            case "normal":
                var loc = Optional(spec, "loc", 0.0);
                var scale = Optional(spec, "scale", 1.0);
                var step = Optional(spec, "step", 0.0);
                for (var i = 0; i < n; i++)
                {
                    var s = 0.0;
                    for (var j = 0; j < 12; j++)
                    {
                        s += rng.Uniform();
                    }

                    var v = loc + (scale * (s - 6.0));
                    if (step != 0)
                    {
                        v = Math.Floor(v / step) * step;
                    }

                    result[i] = v;
                }

                break;
            case "uniform":
                var lo = spec.GetProperty("lo").GetDouble();
                var hi = spec.GetProperty("hi").GetDouble();
                for (var i = 0; i < n; i++)
                {
                    result[i] = lo + ((hi - lo) * rng.Uniform());
                }

                break;
            case "choice":
                var labels = Decode(spec.GetProperty("labels"));
                double[] weights = [.. spec.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble())];
                var total = 0.0;
                foreach (var w in weights)
                {
                    total += w;
                }

                var cum = new double[weights.Length];
                var acc = 0.0;
                for (var k = 0; k < weights.Length; k++)
                {
                    acc += weights[k] / total;
                    cum[k] = acc;
                }

                for (var i = 0; i < n; i++)
                {
                    var u = rng.Uniform();
                    var k = labels.Length - 1;
                    for (var c = 0; c < cum.Length; c++)
                    {
                        if (u < cum[c])
                        {
                            k = c;
                            break;
                        }
                    }

                    result[i] = labels[k];
                }

                break;
            default:
                throw new FormatException(spec.GetRawText());
        }

        return result;
    }

    private static double Optional(JsonElement spec, string name, double fallback) =>
        spec.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;

    public static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>splitmix64, the generator of tests/reference/refdata.py.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public double Uniform() => (Next() >> 11) * (1.0 / 9007199254740992.0);

        private ulong Next()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                var z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
