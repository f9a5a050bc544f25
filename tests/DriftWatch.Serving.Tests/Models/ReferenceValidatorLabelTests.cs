using DriftWatch.Data;
using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Tests.Models;

/// <summary>The configured label column in the reference check: where it must be, what it may hold, what it becomes.</summary>
public sealed class ReferenceValidatorLabelTests
{
    private static readonly ModelSchema Schema = new(
    [
        FeatureSchema.Numeric("age", 18, 90),
        FeatureSchema.Categorical("device", ["desktop", "mobile"]),
    ]);

    [Fact]
    public void Validate_ConfiguredBinaryLabel_ReturnedAsNumbersAndGuessedNamesNoLongerExpected()
    {
        var csv = ReferenceData.Csv("age,device,is_fraud,label,prediction\n41,desktop,1,0,0.2\n35,mobile,0,1,0.7\n");

        var result = ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "is_fraud", labelRequired: true);

        Assert.Equal([1.0, 0.0], result.Reference.Find("is_fraud")!.Numbers!);
        Assert.Equal(["label"], result.IgnoredColumns);
    }

    [Fact]
    public async Task Validate_ParquetBooleanLabel_ReadAsOneAndZero()
    {
        var parquet = await ReferenceData.ParquetAsync(
            ("age", new long?[] { 41, 35, 29 }),
            ("device", new[] { "desktop", "mobile", "desktop" }),
            ("y", new bool?[] { true, false, true }));

        var result = ReferenceValidator.Validate(Schema, parquet, ModelTask.BinaryClassification, "y", labelRequired: true);

        var labels = result.Reference.Find("y")!;
        Assert.Equal([1.0, 0.0, 1.0], labels.Numbers!);
        Assert.Equal(ValueKind.Integer, labels.Kind);
        Assert.Empty(result.IgnoredColumns);
    }

    [Fact]
    public void Validate_CsvTrueFalseTextLabel_ReadAsOneAndZero()
    {
        var csv = ReferenceData.Csv("age,device,y\n41,desktop,TRUE\n35,mobile, false\n29,mobile,1\n");

        var result = ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "y", labelRequired: true);

        Assert.Equal([1.0, 0.0, 1.0], result.Reference.Find("y")!.Numbers!);
    }

    [Fact]
    public void Validate_RegressionTargetAsNumbers_Accepted()
    {
        var csv = ReferenceData.Csv("age,device,price\n41,desktop,120.5\n35,mobile,-3\n");

        var result = ReferenceValidator.Validate(Schema, csv, ModelTask.Regression, "price", labelRequired: true);

        Assert.Equal([120.5, -3.0], result.Reference.Find("price")!.Numbers!);
    }

    [Theory]
    [InlineData("high", "label column 'price' must hold finite numbers (a regression target) but 1 of its 2 values do not (first at row 2: 'high')")]
    [InlineData("inf", "label column 'price' must hold finite numbers (a regression target) but 1 of its 2 values do not (first at row 2: 'inf')")]
    [InlineData("true", "label column 'price' must hold finite numbers (a regression target) but 1 of its 2 values do not (first at row 2: 'true')")]
    public void Validate_RegressionTargetNotANumber_NamesColumnRowAndValue(string value, string message)
    {
        var csv = ReferenceData.Csv($"age,device,price\n41,desktop,120.5\n35,mobile,{value}\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv, ModelTask.Regression, "price", labelRequired: true));

        Assert.Equal("ref.csv: " + message, ex.Message);
        Assert.Equal(new ReferenceProblem("price", 2, value, 1, message), Assert.Single(ex.Problems));
    }

    [Fact]
    public void Validate_BinaryLabelOutsideZeroOne_NamesColumnRowAndValue()
    {
        var csv = ReferenceData.Csv("age,device,is_fraud\n41,desktop,0\n35,mobile,2\n29,mobile,-1\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "is_fraud", labelRequired: true));

        Assert.Equal("ref.csv: label column 'is_fraud' must hold 0/1 or true/false (a binary classifier's label) but 2 of its 3 values do not (first at row 2: '2')", ex.Message);
    }

    [Fact]
    public void Validate_LabelMissingInSomeRows_Refused()
    {
        var csv = ReferenceData.Csv("age,device,is_fraud\n41,desktop,0\n35,mobile,\n29,mobile,1\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "is_fraud", labelRequired: true));

        Assert.Equal("ref.csv: label column 'is_fraud' has no label in 1 of its 3 rows (first at row 2)", ex.Message);
    }

    [Fact]
    public void Validate_LabelIsAFeature_RefusedEvenWhenNotRequired()
    {
        var csv = ReferenceData.Csv("age,device\n41,desktop\n35,mobile\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "age", labelRequired: false));

        Assert.Equal("ref.csv: label column 'age' is a feature of the model; the label must be a column of its own", ex.Message);
    }

    [Fact]
    public void Validate_LabelAbsentNotRequired_AcceptedUnchanged()
    {
        var csv = ReferenceData.Csv("age,device\n41,desktop\n35,mobile\n");

        var result = ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "is_fraud", labelRequired: false);

        Assert.Same(csv, result.Reference);
    }

    [Fact]
    public void Validate_LabelAbsentRequired_ReportedAfterFeatureProblems()
    {
        var csv = ReferenceData.Csv("device,target\ndesktop,1\nmobile,0\n");

        var ex = Assert.Throws<ReferenceSchemaException>(() => ReferenceValidator.Validate(Schema, csv, ModelTask.BinaryClassification, "is_fraud", labelRequired: true));

        Assert.Equal("ref.csv: no column 'age' (a numeric feature of the model); no label column 'is_fraud' (the model's label_column)", ex.Message);
        Assert.Equal(["age", "is_fraud"], ex.Problems.Select(p => p.Column));
    }
}
