using System.Text.Json;
using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>CPython's random.Random: raw draws and sample(range(n), k), against values CPython 3.11 printed (TestData/detectors/python_random.json).</summary>
public sealed class PythonRandomTests
{
    public static TheoryData<long> Seeds => [0, 1, 42, 12345, -7, (1L << 40) + 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NextUInt32AndSample_SameSeed_MatchCPython(long seed)
    {
        var expected = Cases().Single(c => c.GetProperty("seed").GetInt64() == seed);
        var random = new PythonRandom(seed);

        var draws = Enumerable.Range(0, 5).Select(_ => (long)random.NextUInt32()).ToArray();
        Assert.Equal(expected.GetProperty("draws").EnumerateArray().Select(e => e.GetInt64()), draws);
        foreach (var sample in expected.GetProperty("samples").EnumerateArray())
        {
            int n = sample.GetProperty("n").GetInt32();
            var result = new int[sample.GetProperty("k").GetInt32()];
            random.Sample(n, result);
            Assert.Equal(sample.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()), result);
        }
    }

    [Theory]
    [InlineData(1, 21)]
    [InlineData(5, 21)]
    [InlineData(6, 21 + 64)]
    [InlineData(30, 21 + 256)]
    [InlineData(100, 21 + 1024)]
    public void SetSize_SampleSize_MatchesCPythonThreshold(int k, double expected)
    {
        Assert.Equal(expected, PythonRandom.SetSize(k));
    }

    [Fact]
    public void SetState_RoundTrip_ContinuesSameSequence()
    {
        var a = new PythonRandom(42);
        for (int i = 0; i < 700; i++)
        {
            a.NextUInt32();
        }

        var b = new PythonRandom(1);
        b.SetState(a.State, a.Index);

        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextUInt32()), Enumerable.Range(0, 10).Select(_ => b.NextUInt32()));
    }

    private static JsonElement[] Cases()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "detectors", "python_random.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
