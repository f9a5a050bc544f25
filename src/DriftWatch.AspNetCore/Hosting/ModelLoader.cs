using System.Collections.Concurrent;
using System.Security.Cryptography;
using DriftWatch.AspNetCore.Configuration;
using DriftWatch.Data;
using DriftWatch.Serving.Models;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>Turns <see cref="ModelOptions"/> into served models.</summary>
internal static partial class ModelLoader
{
    // Training the built-in model takes a second or two; every host in a process (tests start many) shares it.
    private static readonly ConcurrentDictionary<int, Lazy<ServedModel>> BuiltIn = new();

    public static ServedModel CreateBuiltIn(int seed) =>
        BuiltIn.GetOrAdd(seed, s => new Lazy<ServedModel>(() => CreditRiskModel.Create(s))).Value;

    /// <summary>Loads one configured model.</summary>
    /// <remarks>The reference data is checked against the model's schema and its configured label column
    /// (<see cref="ModelOptions.LabelColumn"/>, see <see cref="ReferenceValidator"/>); reference columns that are not
    /// features, labels or predictions are logged as a warning.</remarks>
    /// <exception cref="InvalidDataException">The model, its schema or its reference data is unusable, or the reference does not
    /// fit the schema (message names the file and column; a <see cref="ReferenceSchemaException"/> is the inner exception).</exception>
    public static async Task<ServedModel> LoadAsync(ModelOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        var type = DriftWatchOptionsValidator.ModelTypeOf(options);
        if (type == "builtin")
        {
            var builtIn = CreateBuiltIn(options.Seed);
            return options.Name == builtIn.Name ? builtIn : builtIn with { Model = new RenamedModel(builtIn.Model, options.Name) };
        }

        var path = options.Path!;
        Dataset? reference = null;
        if (options.Reference is not null)
        {
            try
            {
                reference = await DatasetReader.ReadAsync(options.Reference, cancellationToken: cancellationToken);
            }
            catch (DatasetReadException ex)
            {
                throw new InvalidDataException($"Models '{options.Name}': reference data: {ex.Message}", ex);
            }
        }

        var schemaPath = options.Schema ?? ModelSchemaFile.PathFor(path);
        var described = File.Exists(schemaPath) ? ModelSchemaFile.Read(schemaPath) : null;
        IModel model;
        if (type == "onnx")
        {
            model = OnnxModel.Load(path, options.Name, schemaPath);
        }
        else
        {
            var task = ModelTask.BinaryClassification;
            if (options.Task is not null)
            {
                ModelTasks.TryParse(options.Task, out task);
            }
            else if (described is not null)
            {
                task = described.Task;
            }

            var context = new MLContext(seed: 0);
            ITransformer transformer;
            DataViewSchema inputSchema;
            try
            {
                transformer = context.Model.Load(path, out inputSchema);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidDataException($"'{path}' is not an ML.NET model: {ex.Message}", ex);
            }

            var schema = described?.Schema ?? InferSchema(options.Name, inputSchema, reference, options.LabelColumn);
            model = new MLNetModel(options.Name, options.Version ?? described?.Version ?? "1", task, schema, transformer, inputSchema);
        }

        if (options.Version is not null && model.Version != options.Version)
        {
            model = new RenamedModel(model, model.Name, options.Version);
        }

        if (reference is not null)
        {
            ReferenceValidation validation;
            try
            {
                validation = ReferenceValidator.Validate(model.Schema, reference, model.Task, options.LabelColumn, labelRequired: true);
            }
            catch (ReferenceSchemaException ex)
            {
                (model as IDisposable)?.Dispose();
                throw new InvalidDataException($"Models '{options.Name}': reference data: {ex.Message}.", ex);
            }

            reference = validation.Reference;
            if (logger is not null && validation.IgnoredColumns.Count > 0)
            {
                Log.IgnoredColumns(logger, options.Name, options.Reference!, string.Join(", ", validation.IgnoredColumns));
            }
        }

        return new ServedModel(model, reference, path) { LabelColumn = options.LabelColumn };
    }

    /// <summary>Digests the files a configured model is loaded from: the model, its schema file (when present) and its reference data.</summary>
    /// <param name="options">The model's configuration.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The first 8 bytes of the SHA-256 in lower-case hex, or <see langword="null"/> for the built-in model.</returns>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static async Task<string?> FingerprintAsync(ModelOptions options, CancellationToken cancellationToken)
    {
        if (DriftWatchOptionsValidator.ModelTypeOf(options) == "builtin")
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        var schema = options.Schema ?? ModelSchemaFile.PathFor(options.Path!);
        foreach (var file in new[] { options.Path!, schema, options.Reference })
        {
            if (file is null || (file == schema && !File.Exists(file)))
            {
                continue;
            }

            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            // A separator, so that moving bytes from one file to the next changes the digest.
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }

    private static ModelSchema InferSchema(string name, DataViewSchema inputSchema, Dataset? reference, string? labelColumn)
    {
        var features = new List<string>();
        foreach (var column in inputSchema)
        {
            var usable = column.Type is TextDataViewType || column.Type == NumberDataViewType.Single || column.Type == NumberDataViewType.Double;
            // The configured label column is the label even when the model was saved with it among its inputs.
            if (!column.IsHidden && usable && !string.Equals(column.Name, "Label", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(column.Name, labelColumn, StringComparison.Ordinal))
            {
                features.Add(column.Name);
            }
        }

        if (reference is not null)
        {
            // The model's input types decide the kinds: a numeric input whose reference column holds text stays numeric,
            // and an input the reference lacks stays in the schema, so that the reference check reports the text or the
            // missing column instead of the schema quietly learning categories or dropping the feature.
            var present = features.Where(f => reference.Find(f) is not null).ToArray();
            var inferred = present.Length > 0 ? ModelSchemaInference.FromDataset(reference, present) : null;
            return new ModelSchema(features.Select(name =>
            {
                var numeric = inputSchema[name].Type is NumberDataViewType;
                var i = inferred?.IndexOf(name) ?? -1;
                return i < 0 ? (numeric ? FeatureSchema.Numeric(name) : FeatureSchema.Categorical(name, []))
                    : numeric && inferred!.Features[i].Kind == FeatureKind.Categorical ? FeatureSchema.Numeric(name)
                    : inferred!.Features[i];
            }));
        }

        if (features.Any(f => inputSchema[f].Type is TextDataViewType))
        {
            throw new InvalidDataException($"Model '{name}' has text inputs: give a schema file or reference data so their categories are known.");
        }

        return new ModelSchema(features.Select(f => FeatureSchema.Numeric(f)));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Model {Model}: reference columns not in the schema are ignored (not monitored): {Columns} ({Reference}).")]
        public static partial void IgnoredColumns(ILogger logger, string model, string reference, string columns);
    }
}
