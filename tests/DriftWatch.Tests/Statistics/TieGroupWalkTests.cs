using DriftWatch.Statistics;

namespace DriftWatch.Tests.Statistics;

public sealed class TieGroupWalkTests
{
    public static TheoryData<string, double[], double[]> Shapes => new()
    {
        { "no ties", [1, 3, 5], [2, 4, 6, 8] },
        { "ties within a", [1, 1, 1, 2, 7, 7], [0, 3, 8] },
        { "ties within b", [4, 9], [1, 2, 2, 2, 9.5, 9.5] },
        { "ties across sides", [1, 2, 2, 5], [2, 2, 2, 5, 6] },
        { "lone value shared", [3], [3] },
        { "signed zeros", [-1, -0.0, -0.0, 0.0, 2], [-0.0, 0.0, 0.0, 3] },
        { "signed zeros across sides only", [-0.0], [0.0] },
        { "signed zeros in any order on one side", [-0.0, 0.0, 0.0, -0.0], [-1, 1] },
        { "signed zeros in any order on the other side", [-1, 1], [0.0, -0.0, 0.0] },
        { "a empty", [], [1, 1, 2, 3, 3, 3] },
        { "b empty", [-2, 0.0, 0.0, 5], [] },
        { "both empty", [], [] },
        { "all equal", [4, 4, 4, 4], [4, 4, 4] },
        { "all equal one side", [4, 4, 4], [] },
        { "disjoint", [1, 2, 2], [10, 11, 11] },
        { "infinities", [double.NegativeInfinity, 0, double.PositiveInfinity, double.PositiveInfinity], [double.NegativeInfinity, double.PositiveInfinity] },
        { "lone infinity after the other side", [1, 2], [double.PositiveInfinity] },
        { "extreme magnitudes", [-double.MaxValue, double.Epsilon, double.MaxValue], [-double.Epsilon, double.Epsilon, double.MaxValue] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Run_Shape_VisitsTheGroupsOfTheNaiveWalk(string shape, double[] a, double[] b)
    {
        var expected = Naive(a, b);

        var actual = Walk(a, b);

        Assert.True(expected.SequenceEqual(actual), $"{shape}: expected {Show(expected)}, got {Show(actual)}");
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 1, 50)]
    [InlineData(3, 200, 180)]
    [InlineData(4, 500, 500)]
    [InlineData(5, 1_000, 37)]
    public void Run_RandomSamplesWithManyTies_VisitsTheGroupsOfTheNaiveWalk(int seed, int n1, int n2)
    {
        // Values from a small grid (with both zeros), so groups of every size occur within and across the sides.
        var random = new Random(seed);
        double[] grid = [-3, -1.5, -0.0, 0.0, 0.25, 1, 1e-300, 2, 8];
        var a = Enumerable.Range(0, n1).Select(_ => grid[random.Next(grid.Length)] + (random.Next(4) == 0 ? random.NextDouble() : 0)).Order().ToArray();
        var b = Enumerable.Range(0, n2).Select(_ => grid[random.Next(grid.Length)] + (random.Next(4) == 0 ? random.NextDouble() : 0)).Order().ToArray();
        var expected = Naive(a, b);

        var actual = Walk(a, b);

        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.SequenceEqual(actual), $"first difference at group {expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count()}");
    }

    [Fact]
    public void Run_SignedZeros_OneGroupWithAZeroValue()
    {
        double[] a = [-0.0, 0.0];
        double[] b = [-0.0, 0.0, 0.0];

        var groups = Walk(a, b);

        var group = Assert.Single(groups);
        Assert.True(group.Value == 0.0, $"value {group.Value:R}");
        Assert.Equal((0, 2, 0, 3), (group.StartA, group.EndA, group.StartB, group.EndB));
    }

    [Fact]
    public void Run_VisitorState_IsWrittenBackToTheCaller()
    {
        double[] a = [1, 2, 2, 3];
        double[] b = [2, 4];
        var counter = default(CountingVisitor);

        TieGroupWalk.Run(a, b, ref counter);

        Assert.Equal(4, counter.Groups);
        Assert.Equal(6, counter.Values);
    }

    private static List<Group> Walk(double[] a, double[] b)
    {
        var recorder = new RecordingVisitor([]);
        TieGroupWalk.Run(a, b, ref recorder);
        return recorder.Groups;
    }

    /// <summary>The groups by definition: each distinct pooled value (−0.0 = +0.0) with #(side &lt; z) and #(side ≤ z).</summary>
    private static List<Group> Naive(double[] a, double[] b)
    {
        var distinct = new List<double>();
        foreach (var z in a.Concat(b).Order())
        {
            if (distinct.Count == 0 || distinct[^1] != z)
            {
                distinct.Add(z);
            }
        }

        return distinct.Select(z => new Group(z, a.Count(x => x < z), a.Count(x => x <= z), b.Count(y => y < z), b.Count(y => y <= z))).ToList();
    }

    private static string Show(List<Group> groups) => string.Join(", ", groups);

    /// <summary>A group; equality compares values with == so that −0.0 equals +0.0.</summary>
    private readonly record struct Group(double Value, int StartA, int EndA, int StartB, int EndB)
    {
        public bool Equals(Group other) =>
            Value == other.Value && StartA == other.StartA && EndA == other.EndA && StartB == other.StartB && EndB == other.EndB;

        public override int GetHashCode() => HashCode.Combine(StartA, EndA, StartB, EndB);
    }

    private readonly struct RecordingVisitor(List<Group> groups) : ITieGroupVisitor
    {
        public List<Group> Groups { get; } = groups;

        public void Visit(double value, int startA, int endA, int startB, int endB) => Groups.Add(new Group(value, startA, endA, startB, endB));
    }

    private struct CountingVisitor : ITieGroupVisitor
    {
        public int Groups;
        public int Values;

        public void Visit(double value, int startA, int endA, int startB, int endB)
        {
            Groups++;
            Values += endA - startA + (endB - startB);
        }
    }
}
