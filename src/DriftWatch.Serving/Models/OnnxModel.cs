using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DriftWatch.Serving.Models;

/// <summary>An ONNX model run by ONNX Runtime behind <see cref="IModel"/>, described by a <see cref="ModelSchemaFile"/>.</summary>
/// <remarks>
/// Inputs: either one tensor per feature named like the feature, shape <c>[N, 1]</c>, float/double for numeric
/// and string for categorical (the layout ML.NET's ONNX export and skl2onnx use), or a single float tensor
/// <c>[N, F]</c> holding every (all numeric) feature in schema order. Outputs: the schema file names them;
/// by default the label is the first output whose name contains <c>label</c> and the score the first containing
/// <c>probabilit</c> (classification) or <c>score</c>/<c>variable</c> (regression). A probability output of
/// shape <c>[N, 2]</c> yields column 1.
/// <threadsafety>Thread-safe: <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/> may be called concurrently.</threadsafety>
/// </remarks>
public sealed class OnnxModel : IModel, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string? _packedInput;
    private readonly (string Input, int Feature, bool IsDouble)[] _inputs;
    private readonly string _labelOutput;
    private readonly string _scoreOutput;

    private OnnxModel(InferenceSession session, ModelSchemaFile description, string name)
    {
        _session = session;
        Name = name;
        Version = description.Version;
        Task = description.Task;
        Schema = description.Schema;
        var meta = session.InputMetadata;
        if (meta.Count == 1 && Schema.IndexOf(meta.Keys.First()) < 0)
        {
            if (Schema.Features.Any(f => f.Kind != FeatureKind.Numeric))
            {
                throw new InvalidDataException($"Model '{name}': a single packed input tensor needs all features numeric.");
            }

            _packedInput = meta.Keys.First();
            _inputs = [];
        }
        else
        {
            var inputs = new List<(string, int, bool)>();
            foreach (var (input, m) in meta)
            {
                var feature = Schema.IndexOf(input);
                if (feature < 0)
                {
                    throw new InvalidDataException($"Model '{name}': ONNX input '{input}' is not a feature of the schema file.");
                }

                inputs.Add((input, feature, m.ElementType == typeof(double)));
            }

            _inputs = [.. inputs];
        }

        var outputs = session.OutputMetadata.Keys.ToArray();
        _labelOutput = description.LabelOutput ?? FindOutput(outputs, "label") ?? outputs[0];
        _scoreOutput = description.ScoreOutput
            ?? (Task == ModelTask.BinaryClassification ? FindOutput(outputs, "probabilit") : FindOutput(outputs, "score") ?? FindOutput(outputs, "variable"))
            ?? _labelOutput;
        foreach (var o in new[] { _labelOutput, _scoreOutput })
        {
            if (!session.OutputMetadata.ContainsKey(o))
            {
                throw new InvalidDataException($"Model '{name}': ONNX output '{o}' does not exist (outputs: {string.Join(", ", outputs)}).");
            }
        }
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public ModelTask Task { get; }

    /// <inheritdoc/>
    public ModelSchema Schema { get; }

    /// <summary>Loads an ONNX model and the schema file beside it.</summary>
    /// <param name="path">The <c>.onnx</c> file.</param>
    /// <param name="name">The model name, or <see langword="null"/> for the schema file's.</param>
    /// <param name="schemaPath">The schema file, or <see langword="null"/> for <see cref="ModelSchemaFile.PathFor(string)"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The model or the schema file is invalid, or they do not match.</exception>
    /// <exception cref="FileNotFoundException">The model or the schema file is absent.</exception>
    public static OnnxModel Load(string path, string? name = null, string? schemaPath = null)
    {
        schemaPath ??= ModelSchemaFile.PathFor(path);
        if (!File.Exists(schemaPath))
        {
            throw new FileNotFoundException($"ONNX model '{path}' needs a schema file '{schemaPath}'.", schemaPath);
        }

        var description = ModelSchemaFile.Read(schemaPath);
        InferenceSession session;
        try
        {
            session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"'{path}' is not a valid ONNX model: {ex.Message}", ex);
        }

        try
        {
            var modelName = string.IsNullOrEmpty(name) ? description.Name : name;
            return new OnnxModel(session, description, string.IsNullOrEmpty(modelName) ? Path.GetFileNameWithoutExtension(path) : modelName);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Predict(FeatureBatch batch, Span<ModelOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var n = batch.Count;
        if (n == 0)
        {
            return;
        }

        var feeds = new List<NamedOnnxValue>(Math.Max(1, _inputs.Length));
        if (_packedInput is not null)
        {
            var t = new DenseTensor<float>([n, Schema.Count]);
            for (var r = 0; r < n; r++)
            {
                for (var f = 0; f < Schema.Count; f++)
                {
                    t[r, f] = (float)batch.GetNumber(r, f);
                }
            }

            feeds.Add(NamedOnnxValue.CreateFromTensor(_packedInput, t));
        }

        foreach (var (input, feature, isDouble) in _inputs)
        {
            feeds.Add(CreateInput(batch, input, feature, isDouble));
        }

        using var results = _session.Run(feeds, [_labelOutput, _scoreOutput]);
        var label = ReadColumn(results.First(r => r.Name == _labelOutput), n);
        var score = _scoreOutput == _labelOutput ? label : ReadColumn(results.First(r => r.Name == _scoreOutput), n);
        for (var r = 0; r < n; r++)
        {
            outputs[r] = Task == ModelTask.BinaryClassification
                ? new ModelOutput(label[r] > 0.5 ? 1 : 0, score[r])
                : new ModelOutput(score[r], score[r]);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private static string? FindOutput(string[] outputs, string part) =>
        outputs.FirstOrDefault(o => o.Contains(part, StringComparison.OrdinalIgnoreCase));

    private NamedOnnxValue CreateInput(FeatureBatch batch, string input, int feature, bool isDouble)
    {
        var n = batch.Count;
        if (Schema.Features[feature].Kind == FeatureKind.Categorical)
        {
            var t = new DenseTensor<string>([n, 1]);
            for (var r = 0; r < n; r++)
            {
                t[r, 0] = batch.GetString(r, feature) ?? string.Empty;
            }

            return NamedOnnxValue.CreateFromTensor(input, t);
        }

        if (isDouble)
        {
            var d = new DenseTensor<double>([n, 1]);
            for (var r = 0; r < n; r++)
            {
                d[r, 0] = batch.GetNumber(r, feature);
            }

            return NamedOnnxValue.CreateFromTensor(input, d);
        }

        var s = new DenseTensor<float>([n, 1]);
        for (var r = 0; r < n; r++)
        {
            s[r, 0] = (float)batch.GetNumber(r, feature);
        }

        return NamedOnnxValue.CreateFromTensor(input, s);
    }

    private static double[] ReadColumn(NamedOnnxValue value, int n)
    {
        // Take the last column of a [N, k] tensor: for class probabilities [P(0), P(1)] that is P(1).
        var result = new double[n];
        switch (value.Value)
        {
            case Tensor<float> t: Fill(t, result, x => x); break;
            case Tensor<double> t: Fill(t, result, x => x); break;
            case Tensor<long> t: Fill(t, result, x => x); break;
            case Tensor<int> t: Fill(t, result, x => x); break;
            case Tensor<bool> t: Fill(t, result, x => x ? 1 : 0); break;
            default: throw new InvalidDataException($"ONNX output '{value.Name}' has an unsupported type.");
        }

        return result;
    }

    private static void Fill<T>(Tensor<T> tensor, double[] result, Func<T, double> convert)
    {
        var n = result.Length;
        var width = n == 0 ? 0 : (int)(tensor.Length / n);
        var flat = tensor.ToArray();
        for (var r = 0; r < n; r++)
        {
            result[r] = convert(flat[(r * width) + width - 1]);
        }
    }
}
