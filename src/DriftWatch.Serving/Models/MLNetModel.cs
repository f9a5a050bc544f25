using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.Serving.Models;

/// <summary>An ML.NET model (a saved <c>.zip</c> or a trained <see cref="ITransformer"/>) behind <see cref="IModel"/>.</summary>
/// <remarks>
/// Numeric features feed <see cref="float"/> (or <see cref="double"/>) input columns and categorical features
/// text columns of the same name. Outputs are read from ML.NET's standard columns: <c>PredictedLabel</c>
/// (Boolean) and <c>Probability</c> for binary classification, <c>Score</c> for regression.
/// <threadsafety>Thread-safe: every call builds its own data view and cursor.</threadsafety>
/// </remarks>
public sealed class MLNetModel : IModel
{
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _trainingSchema;
    private readonly DataViewSchema _inputSchema;
    private readonly int[] _featureOfColumn;

    /// <summary>Initializes a new instance of the <see cref="MLNetModel"/> class.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The model version.</param>
    /// <param name="task">The task.</param>
    /// <param name="schema">The input features; each needs a column of the same name in <paramref name="inputSchema"/>.</param>
    /// <param name="transformer">The trained model.</param>
    /// <param name="inputSchema">The schema the model was trained on.</param>
    /// <exception cref="ArgumentException">A feature has no input column of a supported type.</exception>
    public MLNetModel(string name, string version, ModelTask task, ModelSchema schema, ITransformer transformer, DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(inputSchema);
        Name = name;
        Version = version;
        Task = task;
        Schema = schema;
        _transformer = transformer;
        _trainingSchema = inputSchema;
        var columns = new List<(string, DataViewType)>();
        var featureOf = new List<int>();
        for (var i = 0; i < schema.Count; i++)
        {
            var feature = schema.Features[i];
            var column = inputSchema.GetColumnOrNull(feature.Name)
                ?? throw new ArgumentException($"Model '{name}' has no input column '{feature.Name}'.", nameof(inputSchema));
            var type = column.Type;
            var ok = feature.Kind == FeatureKind.Categorical
                ? type is TextDataViewType
                : type == NumberDataViewType.Single || type == NumberDataViewType.Double;
            if (!ok)
            {
                throw new ArgumentException(
                    $"Model '{name}': input column '{feature.Name}' has type {type}, which does not fit a {feature.Kind} feature.",
                    nameof(inputSchema));
            }

            columns.Add((feature.Name, type));
            featureOf.Add(i);
        }

        _inputSchema = BatchDataView.BuildSchema(columns);
        _featureOfColumn = [.. featureOf];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public ModelTask Task { get; }

    /// <inheritdoc/>
    public ModelSchema Schema { get; }

    /// <summary>Loads a model saved with <c>MLContext.Model.Save</c>.</summary>
    /// <param name="path">The <c>.zip</c> file.</param>
    /// <param name="name">The model name.</param>
    /// <param name="version">The model version.</param>
    /// <param name="task">The task.</param>
    /// <param name="schema">The input features.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not an ML.NET model.</exception>
    public static MLNetModel Load(string path, string name, string version, ModelTask task, ModelSchema schema)
    {
        var context = new MLContext(seed: 0);
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = context.Model.Load(path, out inputSchema);
        }
        catch (Exception ex) when (ex is not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"'{path}' is not an ML.NET model: {ex.Message}", ex);
        }

        return new MLNetModel(name, version, task, schema, transformer, inputSchema);
    }

    /// <summary>Gets the trained transformer and its input schema, e.g. to save it with <c>MLContext.Model.Save</c>.</summary>
    /// <returns>The transformer and the schema it was trained on.</returns>
    public (ITransformer Transformer, DataViewSchema InputSchema) Export() => (_transformer, _trainingSchema);

    /// <inheritdoc/>
    public void Predict(FeatureBatch batch, Span<ModelOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        var scored = _transformer.Transform(new BatchDataView(batch, _inputSchema, _featureOfColumn));
        if (Task == ModelTask.Regression)
        {
            ReadRegression(scored, outputs);
        }
        else
        {
            ReadBinary(scored, outputs);
        }
    }

    private static void ReadRegression(IDataView scored, Span<ModelOutput> outputs)
    {
        var score = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([score]);
        var getScore = cursor.GetGetter<float>(score);
        float s = 0;
        var row = 0;
        while (cursor.MoveNext())
        {
            getScore(ref s);
            outputs[row++] = new ModelOutput(s, s);
        }
    }

    private static void ReadBinary(IDataView scored, Span<ModelOutput> outputs)
    {
        var label = scored.Schema["PredictedLabel"];
        var probability = scored.Schema["Probability"];
        using var cursor = scored.GetRowCursor([label, probability]);
        var getLabel = cursor.GetGetter<bool>(label);
        var getProbability = cursor.GetGetter<float>(probability);
        bool l = false;
        float p = 0;
        var row = 0;
        while (cursor.MoveNext())
        {
            getLabel(ref l);
            getProbability(ref p);
            outputs[row++] = new ModelOutput(l ? 1 : 0, p);
        }
    }
}
