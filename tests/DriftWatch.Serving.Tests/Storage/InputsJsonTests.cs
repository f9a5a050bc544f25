using System.Buffers;
using System.Text;
using System.Text.Json;
using DriftWatch.Serving.Storage;
using FsCheck.Xunit;

namespace DriftWatch.Serving.Tests.Storage;

public sealed class InputsJsonTests
{
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
            Assert.Equal(AsDouble(value), AsLong((long)value));
        }
    }

    [Property(Replay = "(20261127,4243)", MaxTest = 2000)]
    public bool IsSmallInteger_AnyDouble_LongFormIsTheDoubleForm(double value, long integer)
    {
        // Both arbitrary doubles and integral doubles (FsCheck's doubles are rarely integral).
        return Same(value) && Same(integer % 2_000_000_000_000_000) && Same(integer);

        static bool Same(double v) => !InputsJson.IsSmallInteger(v) || AsDouble(v) == AsLong((long)v);
    }

    private static string AsDouble(double value) => Write(w => w.WriteNumberValue(value));

    private static string AsLong(long value) => Write(w => w.WriteNumberValue(value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
