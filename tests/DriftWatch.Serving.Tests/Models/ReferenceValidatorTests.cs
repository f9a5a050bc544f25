using DriftWatch.Data;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Tests.Models;

/// <summary>The reference schema check on datasets from the real CSV and Parquet readers (their column kinds differ).</summary>
public sealed class ReferenceValidatorTests
{
    private static readonly ModelSchema Schema = new(
    [
        FeatureSchema.Numeric("age", 18, 90),
        FeatureSchema.Numeric("income", 0, 500_000),
        FeatureSchema.Categorical("device", ["desktop", "mobile"]),
    ]);

    [Fact]
    public void Validate_ValidCsvWithLabel_SameDatasetNothingIgnored()
    {
        var csv = ReferenceData.Csv("age,income,device,default\n41,52000.5,desktop,0\n35,,mobile,1\n29,31000,desktop,0\n");

        var result = ReferenceValidator.Validate(Schema, csv);

        Assert.Same(csv, result.Reference);
        Assert.Empty(result.IgnoredColumns);
    }

    [Fact]
    public async Task Validate_ValidParquet_SameDatasetNothingIgnored()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35, 29 }),
            ("income", new double?[] { 52_000.5, null, 31_000 }),
            ("device", new[] { "desktop", "mobile", null }),
            ("prediction", new double?[] { 0.1, 0.8, 0.3 }));

        var result = ReferenceValidator.Validate(Schema, parquet);

        Assert.Same(parquet, result.Reference);
        Assert.Empty(result.IgnoredColumns);
    }

    [Fact]
    public void Validate_TextInNumericCsvColumn_NamesColumnFirstRowValueAndCount()
    {
        var csv = ReferenceData.Csv("age,income,device\n41,52000,desktop\n35,n/a,mobile\n29,,desktop\n50,12k,mobile\n62,40000,mobile\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));

        Assert.Equal("ref.csv: column 'income' is a numeric feature but 2 of its 4 values are not numbers (first at row 2: 'n/a')", ex.Message);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(new ReferenceProblem("income", 2, "n/a", 2, problem.Message), problem);
    }

    [Fact]
    public async Task Validate_TextInNumericParquetStringColumn_NamesColumnFirstRowValueAndCount()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35, 29, 50 }),
            ("income", new[] { "52000", null, "12k", "many" }),
            ("device", new[] { "desktop", "mobile", "desktop", "mobile" }));

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        Assert.Equal("ref.parquet: column 'income' is a numeric feature but 2 of its 3 values are not numbers (first at row 3: '12k')", ex.Message);
    }

    [Fact]
    public async Task Validate_BooleanParquetColumnForNumericFeature_Refused()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new bool?[] { true, false }),
            ("income", new double?[] { 1, 2 }),
            ("device", new[] { "desktop", "mobile" }));

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        Assert.Equal("ref.parquet: column 'age' is a numeric feature but 2 of its 2 values are not numbers (first at row 1: 'true')", ex.Message);
    }

    [Fact]
    public async Task Validate_NumericTextInParquetStringColumn_ConvertedToNumbers()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new[] { "41", " 35 ", null, "nan" }),
            ("income", new[] { "52000.5", "-inf", "1e3", "" }),
            ("device", new[] { "desktop", "mobile", "desktop", "mobile" }));

        var result = ReferenceValidator.Validate(Schema, parquet);

        var age = result.Reference.Find("age")!;
        Assert.Equal(ValueKind.Integer, age.Kind);
        Assert.Equal([41, 35, double.NaN, double.NaN], age.Numbers!);
        Assert.Null(age.Strings);
        var income = result.Reference.Find("income")!;
        Assert.Equal(ValueKind.Float, income.Kind);
        Assert.Equal([52_000.5, double.NegativeInfinity, 1_000, double.NaN], income.Numbers!);
        Assert.Same(parquet.Find("device"), result.Reference.Find("device"));
    }

    [Fact]
    public async Task Validate_NumbersInCategoricalColumn_Accepted()
    {
        var csv = ReferenceData.Csv("age,income,device\n41,52000,1\n35,40000,2\n");
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35 }),
            ("income", new double?[] { 52_000, 40_000 }),
            ("device", new long?[] { 1, 2 }));

        Assert.Same(csv, ReferenceValidator.Validate(Schema, csv).Reference);
        Assert.Same(parquet, ReferenceValidator.Validate(Schema, parquet).Reference);
    }

    [Fact]
    public async Task Validate_MissingColumn_NamedWithItsKind()
    {
        var csv = ReferenceData.Csv("age,device\n41,desktop\n35,mobile\n");
        var parquet = await ReferenceData.ParquetAsync(("age", new long?[] { 41, 35 }), ("device", new[] { "desktop", "mobile" }));

        var fromCsv = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));
        var fromParquet = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        Assert.Equal("ref.csv: no column 'income' (a numeric feature of the model)", fromCsv.Message);
        Assert.Equal("ref.parquet: no column 'income' (a numeric feature of the model)", fromParquet.Message);
        Assert.Equal("income", Assert.Single(fromParquet.Problems).Column);
    }

    [Fact]
    public void Validate_ColumnNamesDifferInCase_Missing()
    {
        var csv = ReferenceData.Csv("Age,income,device\n41,52000,desktop\n35,40000,mobile\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));

        Assert.Equal("ref.csv: no column 'age' (a numeric feature of the model)", ex.Message);
    }

    [Fact]
    public async Task Validate_AllMissingColumn_Refused()
    {
        var csv = ReferenceData.Csv("age,income,device\n41,,\n35,,\n29,nan,\n");
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35, 29 }),
            ("income", new double?[] { null, null, null }),
            ("device", new string?[] { null, null, null }));

        var fromCsv = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));
        var fromParquet = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        const string Expected = "column 'income' has no values: all 3 rows are missing; column 'device' has no values: all 3 rows are missing";
        Assert.Equal("ref.csv: " + Expected, fromCsv.Message);
        Assert.Equal("ref.parquet: " + Expected, fromParquet.Message);
        Assert.Equal(["income", "device"], fromCsv.Problems.Select(p => p.Column));
    }

    [Fact]
    public async Task Validate_ParquetTextColumnOfOnlyNanForNumericFeature_AllMissing()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35 }),
            ("income", new[] { "nan", " " }),
            ("device", new[] { "desktop", "mobile" }));

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        Assert.Equal("ref.parquet: column 'income' has no values: all 2 rows are missing", ex.Message);
    }

    [Fact]
    public async Task Validate_CategoricalTextNan_IsACategoryNotMissing()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35 }),
            ("income", new double?[] { 1, 2 }),
            ("device", new[] { "nan", "nan" }));

        var result = ReferenceValidator.Validate(Schema, parquet);

        Assert.Same(parquet, result.Reference);
    }

    [Fact]
    public async Task Validate_OneRow_Refused()
    {
        var csv = ReferenceData.Csv("age,income,device\n41,52000,desktop\n");
        var parquet = await ReferenceData.ParquetAsync(("age", new long?[] { 41 }), ("income", new double?[] { 1 }), ("device", new[] { "mobile" }));

        var fromCsv = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));
        var fromParquet = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, parquet));

        Assert.Equal("ref.csv: 1 row; a reference needs at least 2", fromCsv.Message);
        Assert.Equal("ref.parquet: 1 row; a reference needs at least 2", fromParquet.Message);
        Assert.Null(Assert.Single(fromCsv.Problems).Column);
    }

    [Fact]
    public void Validate_HeaderOnly_RowsAndEveryColumnReported()
    {
        var csv = ReferenceData.Csv("age,device\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));

        Assert.Equal("ref.csv: 0 rows; a reference needs at least 2; no column 'income' (a numeric feature of the model)", ex.Message);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedInSchemaOrder()
    {
        var csv = ReferenceData.Csv("income,device,age_years\n12k,,41\n13k,,35\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));

        Assert.Equal(
            """ref.csv: no column 'age' (a numeric feature of the model); column 'income' is a numeric feature but 2 of its 2 values are not numbers (first at row 1: '12k'); column 'device' has no values: all 2 rows are missing""",
            ex.Message);
    }

    [Fact]
    public void Validate_ExtraColumns_ListedExceptLabelAndPredictionColumns()
    {
        var csv = ReferenceData.Csv("id,age,income,device,label,target,default,prediction,Income\n1,41,5,desktop,0,0,0,0.2,5\n2,35,6,mobile,1,1,1,0.7,6\n");

        var result = ReferenceValidator.Validate(Schema, csv);

        Assert.Equal(["id", "Income"], result.IgnoredColumns);
        Assert.Same(csv, result.Reference);
    }

    [Fact]
    public void Validate_LongOffendingValue_ShortenedInMessageKeptInProblem()
    {
        var value = new string('x', 60);
        var csv = ReferenceData.Csv($"age,income,device\n41,{value},desktop\n35,1,mobile\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv));

        Assert.Contains($"(first at row 1: '{new string('x', 40)}…')", ex.Message, StringComparison.Ordinal);
        Assert.Equal(value, Assert.Single(ex.Problems).Value);
    }
}
