using System.ComponentModel.DataAnnotations;

namespace DriftWatch.AspNetCore.Configuration;

/// <summary>One model to serve.</summary>
public sealed class ModelOptions
{
    /// <summary>Gets or sets the model name (URL segment): letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be 1-64 letters, digits, '.', '_' or '-'")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the model file (<c>.zip</c> for ML.NET, <c>.onnx</c> for ONNX); empty for <c>builtin</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the model type: <c>mlnet</c>, <c>onnx</c> or <c>builtin</c> (the credit-risk model).</summary>
    /// <value>The default value is inferred from the file extension.</value>
    public string? Type { get; set; }

    /// <summary>Gets or sets the version.</summary>
    /// <value>The default value is the schema file's, else <c>1</c>.</value>
    public string? Version { get; set; }

    /// <summary>Gets or sets the task (ML.NET models without a schema file): <c>binary_classification</c> or <c>regression</c>.</summary>
    public string? Task { get; set; }

    /// <summary>Gets or sets the schema file (default: <c>model.schema.json</c> beside the model).</summary>
    public string? Schema { get; set; }

    /// <summary>Gets or sets the reference dataset (CSV or Parquet): the training data the model is compared with.</summary>
    public string? Reference { get; set; }

    /// <summary>Gets or sets the reference column holding the true label (target), e.g. <c>is_fraud</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the first of <c>default</c>, <c>label</c>, <c>target</c> present
    /// in the reference is taken as the label.</value>
    /// <remarks>When set, it requires <see cref="Reference"/>, and the reference is refused at start-up and on reload unless
    /// the column exists, is not a feature of the model, and every row holds a label that fits the task: 0/1 or
    /// <c>true</c>/<c>false</c> for binary classification, a finite number for regression.</remarks>
    public string? LabelColumn { get; set; }

    /// <summary>Gets or sets the seed of the <c>builtin</c> model.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;
}
