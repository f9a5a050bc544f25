using DriftWatch.Analysis;
using DriftWatch.Data;

namespace DriftWatch.Tests.Analysis;

public sealed class DriftExplainerTests
{
    [Fact]
    public void Explain_ShiftedIncome_NamesMediansAndConcentration()
    {
        var reference = Numbers("income", Enumerable.Range(0, 1000).Select(i => 40_000 + (25.0 * i)));
        var current = Numbers("income", Enumerable.Range(0, 1000).Select(i => 60_000 + (25.0 * i)));

        var text = DriftExplainer.Explain(reference, current);

        Assert.Equal("income: median 52.5k → 72.5k, 1 of 10 reference deciles now hold 90% of rows", text);
    }

    [Fact]
    public void Explain_SameData_NoDecileGains()
    {
        var reference = Numbers("age", Enumerable.Range(0, 100).Select(i => (double)i));

        var text = DriftExplainer.Explain(reference, reference);

        Assert.Equal("age: median 49.5 → 49.5, 0 of 10 reference deciles now hold 0% of rows", text);
    }

    [Fact]
    public void Explain_Categories_NamesLargestMovesAndNewLabels()
    {
        var reference = Labels("employment_type", ("salaried", 60), ("self_employed", 30), ("unemployed", 10));
        var current = Labels("employment_type", ("salaried", 45), ("self_employed", 25), ("unemployed", 25), ("gig", 5));

        var text = DriftExplainer.Explain(reference, current);

        Assert.Equal("employment_type: 'salaried' 60% → 45%, 'unemployed' 10% → 25%, 1 new category", text);
    }

    [Fact]
    public void Explain_MoreMissing_AppendsMissingShare()
    {
        var reference = Numbers("x", [1, 2, 3, 4]);
        var current = Numbers("x", [1, double.NaN, 3, 4]);

        var text = DriftExplainer.Explain(reference, current);

        Assert.EndsWith(", missing 0% → 25%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_KindMismatch_ThrowsNamingColumn()
    {
        var ex = Assert.Throws<DriftAnalysisException>(() => DriftExplainer.Explain(Numbers("x", [1]), Labels("x", ("a", 1))));

        Assert.Equal("column 'x' is numerical in the reference but not in the current data.", ex.Message);
    }

    [Theory]
    [InlineData(52_300, "52.3k")]
    [InlineData(1_250_000, "1.25M")]
    [InlineData(0.1234, "0.123")]
    [InlineData(-4_200, "-4.2k")]
    [InlineData(12, "12")]
    [InlineData(3e9, "3B")]
    public void Compact_Number_FormatsInvariantly(double value, string expected)
    {
        Assert.Equal(expected, DriftExplainer.Compact(value));
    }

    private static DatasetColumn Numbers(string name, IEnumerable<double> values) => new(name, ValueKind.Float, [.. values], null);

    private static DatasetColumn Labels(string name, params (string Label, int Count)[] counts) =>
        new(name, ValueKind.String, null, [.. counts.SelectMany(c => Enumerable.Repeat<string?>(c.Label, c.Count))]);
}
