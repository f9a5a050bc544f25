using System.Buffers;
using System.Text;
using System.Text.Json;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Storage;
using FsCheck.Xunit;

namespace DriftWatch.Serving.Tests.Storage;

public sealed class InputsJsonTests
{
    private static readonly ModelSchema Schema = new(
    [
        FeatureSchema.Numeric("age"),
        FeatureSchema.Categorical("device", ["desktop", "mobile", "t\u00e9l\u00e9 \"x\" <b>"]),
        FeatureSchema.Numeric("in\u00e7ome \"gross\""),
        FeatureSchema.Categorical("kind", ["a"]),
    ]);

    private static readonly ModelSchema OneNumber = new([FeatureSchema.Numeric("x")]);

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(41.0, true)]
    [InlineData(-41.0, true)]
    [InlineData(999_999_999_999_999.0, true)]
    [InlineData(-999_999_999_999_999.0, true)]
    [InlineData(1e15, false)]
    [InlineData(-1e15, false)]
    [InlineData(-0.0, false)]
    [InlineData(0.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.Epsilon, false)]
    public void IsSmallInteger_Value_TrueOnlyWhereLongPrintsTheSame(double value, bool expected)
    {
        Assert.Equal(expected, InputsJson.IsSmallInteger(value));
        if (expected)
        {
            Assert.Equal(Reference(value), Reference((long)value));
        }
    }

    [Theory]
    [InlineData(41.0, """{"x":41}""")]
    [InlineData(-0.0, """{"x":-0}""")]
    [InlineData(0.1, """{"x":0.1}""")]
    [InlineData(1e15, """{"x":1000000000000000}""")]
    [InlineData(double.MaxValue, """{"x":1.7976931348623157E+308}""")]
    [InlineData(-double.Epsilon, """{"x":-5E-324}""")]
    [InlineData(double.NaN, """{"x":null}""")]
    [InlineData(double.NegativeInfinity, """{"x":null}""")]
    public void WriteUtf8_Number_ShortestRoundTripOrNull(double value, string expected)
    {
        Assert.Equal(expected, Write(Row(OneNumber, value)));
    }

    [Property(Replay = "(20261127,4243)", MaxTest = 2000)]
    public bool WriteUtf8_AnyNumber_SameTextAsUtf8JsonWriter(double value, long integer)
    {
        // Arbitrary doubles are rarely integral: integral ones come from the long.
        return Same(value) && Same(integer % 2_000_000_000_000_000) && Same(integer);

        static bool Same(double v)
        {
            var batch = Row(OneNumber, v);
            return Write(batch) == Reference(batch);
        }
    }

    [Fact]
    public void WriteUtf8_RandomRows_SameTextAsUtf8JsonWriter()
    {
        var random = new Random(20261127);
        var batch = new FeatureBatch(Schema, 2000);
        for (var r = 0; r < batch.Count; r++)
        {
            batch.SetNumber(r, 0, (r % 4) switch { 0 => double.NaN, 1 => random.Next(-100, 100), 2 => random.NextDouble() * 1e6, _ => Math.Round(random.NextDouble(), 3) });
            batch.SetString(r, 1, (r % 5) switch { 0 => null, 1 => "mobile", 2 => "t\u00e9l\u00e9 \"x\" <b>", 3 => "unseen \u2603 \ud83d\ude00 \\ \n", _ => "desktop" });
            batch.SetNumber(r, 2, r % 3 == 0 ? -0.0 : random.NextDouble() * Math.Pow(10, random.Next(-20, 20)));
            batch.SetString(r, 3, r % 2 == 0 ? "a" : "b");
        }

        for (var r = 0; r < batch.Count; r++)
        {
            Assert.Equal(Reference(batch, r), Write(batch, r));
        }
    }

    [Fact]
    public void WriteUtf8_CategoryTextNotTheSchemasInstance_WritesTheText()
    {
        var batch = new FeatureBatch(Schema, 1);
        batch.SetCategory(0, 1, "phone", 1);

        Assert.Equal("""{"age":null,"device":"phone","in\u00E7ome \u0022gross\u0022":null,"kind":null}""", Write(batch));
    }

    [Fact]
    public void WriteUtf8_AfterOtherBytes_Appends()
    {
        var buffer = new ArrayBufferWriter<byte>(1);
        buffer.Write("x"u8);

        InputsJson.WriteUtf8(Row(OneNumber, 2), 0, buffer);

        Assert.Equal("""x{"x":2}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static FeatureBatch Row(ModelSchema schema, double value)
    {
        var batch = new FeatureBatch(schema, 1);
        batch.SetNumber(0, 0, value);
        return batch;
    }

    private static string Write(FeatureBatch batch, int row = 0)
    {
        var buffer = new ArrayBufferWriter<byte>(1);
        InputsJson.WriteUtf8(batch, row, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The row through <see cref="Utf8JsonWriter"/>, as the store wrote it before the hand-assembled writer.</summary>
    private static string Reference(FeatureBatch batch, int row = 0) => Json(writer =>
    {
        writer.WriteStartObject();
        for (var f = 0; f < batch.Schema.Count; f++)
        {
            var feature = batch.Schema.Features[f];
            var v = batch.GetNumber(row, f);
            if (feature.Kind == FeatureKind.Numeric && double.IsFinite(v))
            {
                writer.WriteNumber(feature.Name, v);
            }
            else if (feature.Kind == FeatureKind.Categorical && batch.GetString(row, f) is { } s)
            {
                writer.WriteString(feature.Name, s);
            }
            else
            {
                writer.WriteNull(feature.Name);
            }
        }

        writer.WriteEndObject();
    });

    private static string Reference(double value) => Json(w => w.WriteNumberValue(value));

    private static string Reference(long value) => Json(w => w.WriteNumberValue(value));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
