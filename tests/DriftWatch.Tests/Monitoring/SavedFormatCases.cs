using DriftWatch.Data;
using DriftWatch.Monitoring;
using DriftWatch.Profiles;

namespace DriftWatch.Tests.Monitoring;

/// <summary>
/// The inputs behind the saved profiles and monitor states under <c>TestData/Profiles/saved</c> and
/// <c>TestData/Monitoring/states</c>, the same as in <c>tests/reference/monitor_state_samples.cs</c>, which wrote them
/// with the reflection-based serializer: categories that need escaping, missing and non-finite values, ±0, subnormals
/// and extreme doubles, a quality window that has wrapped, and a detection with its time.
/// </summary>
internal static class SavedFormatCases
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 34, 56, 789, TimeSpan.Zero);

    public static string[] Inputs() => ["x", "c", "z"];

    public static string?[] Categories() => ["a", "b", "é", "quote\"d", "<tag>&", "line\nbreak", "😀", ""];

    public static string Read(params string[] path) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "TestData", .. path])).TrimEnd('\n');

    public static DriftMonitorOptions Options(string detector) => new()
    {
        WindowSize = 300, MinimumRows = 100, QualityWindow = 200, Detector = detector, Classification = true,
    };

    public static ReferenceProfile MixedProfile()
    {
        var random = new Random(11);
        const int n = 500;
        var x = new double[n];
        var c = new string?[n];
        var z = new double[n];
        var predictions = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            x[i] = u < 0.05 ? double.NaN : Math.Exp(3 * random.NextDouble());
            c[i] = u < 0.1 ? null : Categories()[random.Next(Categories().Length)];
            z[i] = i % 2 == 0 ? -1e-300 : 1.7976931348623157e308;
            predictions[i] = random.NextDouble() / 3;
        }

        var reference = new Dataset(
            "mixed",
            [new DatasetColumn("x", ValueKind.Float, x, null), new DatasetColumn("c", ValueKind.String, null, c), new DatasetColumn("z", ValueKind.Float, z, null)]);
        return ReferenceProfile.Build(reference, new ReferenceProfileOptions { SampleSize = 40, BinCount = 5 }, predictions);
    }

    public static ReferenceProfile PlainProfile()
    {
        var constant = Enumerable.Repeat(2.5, 30).ToArray();
        var empty = Enumerable.Repeat(double.NaN, 30).ToArray();
        var category = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "yes" : "no").ToArray();
        var reference = new Dataset(
            "plain",
            [new DatasetColumn("constant", ValueKind.Float, constant, null), new DatasetColumn("empty", ValueKind.Float, empty, null),
                new DatasetColumn("category", ValueKind.String, null, category)]);
        return ReferenceProfile.Build(reference, new ReferenceProfileOptions { SampleSize = 10 });
    }

    public static void Feed(DriftMonitor monitor, int seed)
    {
        var random = new Random(seed);
        const int rows = 450;
        var numbers = new double[rows * 3];
        var strings = new string?[rows * 3];
        var scores = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var u = random.NextDouble();
            numbers[r * 3] = u < 0.05 ? double.NaN : u < 0.07 ? double.PositiveInfinity : Math.Exp(3 * random.NextDouble()) + 1;
            numbers[(r * 3) + 2] = u < 0.5 ? -0.0 : random.NextDouble() * 1e-310;
            strings[(r * 3) + 1] = u < 0.1 ? null : Categories()[random.Next(Categories().Length)];
            scores[r] = u < 0.03 ? double.NaN : random.NextDouble();
        }

        monitor.Observe(numbers, strings, rows, scores);
        for (var i = 0; i < 1_500; i++)
        {
            monitor.ObserveOutcome(1, random.NextDouble() < (i < 800 ? 0.9 : 0.3) ? 1 : 0);
        }
    }
}
