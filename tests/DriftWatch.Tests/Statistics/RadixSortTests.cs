using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class RadixSortTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "normal", "ties", "uniform01", "lognormal", "narrow", "integers", "constant", "twovalues", "signedzeros", "subnormal", "magnitudes" })
        {
            // Sizes around the thresholds: comparison sort, one in-cache LSD sort, first MSD pass, a second MSD level.
            foreach (var n in new[] { 100, RadixSort.Threshold, 5_000, RadixSort.BucketLimit, RadixSort.BucketLimit + 1, 300_000 })
            {
                data.Add(kind, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SortInto_ManyShapes_SortsLikeArraySort(string kind, int n)
    {
        var values = Make(kind, n, seed: n);
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        var destination = new double[n];

        RadixSort.SortInto(values, destination);

        AssertSameOrder(expected, destination);
        Assert.Equal(Make(kind, n, seed: n), values); // the source is untouched
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sort_InPlace_SortsLikeArraySort(string kind, int n)
    {
        var values = Make(kind, n, seed: n + 1);
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        AssertSameOrder(expected, values);
    }

    [Fact]
    public void SortInto_SignedZerosAndSubnormals_NegativeZeroBeforePositiveZero()
    {
        var values = new double[100_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 4) switch { 0 => -0.0, 1 => 0.0, 2 => -1e-310, _ => 1e-310 };
        }

        var destination = new double[values.Length];

        RadixSort.SortInto(values, destination);

        var quarter = values.Length / 4;
        Assert.All(destination[..quarter], v => Assert.Equal(-1e-310, v));
        Assert.All(destination[quarter..(2 * quarter)], v => Assert.True(v == 0 && double.IsNegative(v)));
        Assert.All(destination[(2 * quarter)..(3 * quarter)], v => Assert.True(v == 0 && !double.IsNegative(v)));
        Assert.All(destination[(3 * quarter)..], v => Assert.Equal(1e-310, v));
    }

    [Fact]
    public void SortInto_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => RadixSort.SortInto(new double[3], new double[2]));

        Assert.Equal("destination", ex.ParamName);
    }

    private static void AssertSameOrder(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Array.Sort leaves −0.0 and +0.0 in any order; the radix sort puts −0.0 first. Both compare equal.
            if (expected[i] != actual[i])
            {
                Assert.Fail($"Position {i}: expected {expected[i]:R}, got {actual[i]:R}.");
            }
        }

        // From the threshold on (radix path) −0.0 comes first; below it the comparison sort keeps them in any order.
        for (var i = 1; i < actual.Length && actual.Length >= RadixSort.Threshold; i++)
        {
            if (actual[i] == 0 && actual[i - 1] == 0 && double.IsNegative(actual[i]) && !double.IsNegative(actual[i - 1]))
            {
                Assert.Fail($"Position {i}: −0.0 after +0.0.");
            }
        }
    }

    private static double[] Make(string kind, int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                "normal" => Normal(),
                "ties" => Math.Round(Normal() * 100) / 100,
                "uniform01" => random.NextDouble(),
                "lognormal" => Math.Exp(3 * Normal()),
                "narrow" => 1000 + (random.NextDouble() * 1e-9),
                "integers" => random.Next(-50, 50),
                "constant" => 42.5,
                "twovalues" => random.Next(2) == 0 ? -1.5 : 7.25,
                "signedzeros" => random.Next(4) switch { 0 => -0.0, 1 => 0.0, 2 => -Normal(), _ => Normal() },
                "subnormal" => (random.NextDouble() - 0.5) * double.Epsilon * random.Next(0, 1 << 20),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            };
        }

        if (n > 4 && kind == "magnitudes")
        {
            values[0] = double.MaxValue;
            values[1] = double.MinValue;
            values[2] = double.Epsilon;
            values[3] = -double.Epsilon;
        }

        return values;
    }
}
