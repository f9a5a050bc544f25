using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriftWatch.Serving.Models;

/// <summary>The small JSON file that describes a model beside its <c>.onnx</c> (or <c>.zip</c>) file.</summary>
/// <remarks>
/// Shape: <c>{"name":"m","version":"1","task":"binary_classification","features":[{"name":"age","type":"numeric",
/// "min":18,"max":85},{"name":"device_type","type":"categorical","categories":["desktop","mobile"]}],
/// "outputs":{"label":"PredictedLabel.output","score":"Probability.output"}}</c>. <c>min</c>/<c>max</c> and
/// <c>outputs</c> are optional.
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
/// <param name="Name">The model name (may be empty: the configuration then names the model).</param>
/// <param name="Version">The model version (default <c>1</c>).</param>
/// <param name="Task">The task.</param>
/// <param name="Schema">The input features.</param>
/// <param name="LabelOutput">The ONNX output holding the label, or <see langword="null"/> for the default.</param>
/// <param name="ScoreOutput">The ONNX output holding the score, or <see langword="null"/> for the default.</param>
public sealed record ModelSchemaFile(string Name, string Version, ModelTask Task, ModelSchema Schema, string? LabelOutput, string? ScoreOutput)
{
    /// <summary>Gets the schema file path conventionally paired with a model file: <c>model.onnx</c> → <c>model.schema.json</c>.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <returns>The schema file path.</returns>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".schema.json");

    /// <summary>Reads a schema file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The description.</returns>
    /// <exception cref="InvalidDataException">The file is not valid; the message names the field.</exception>
    public static ModelSchemaFile Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: invalid JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject obj)
        {
            throw new InvalidDataException($"{path}: expected a JSON object.");
        }

        var name = GetString(obj, "name", path) ?? string.Empty;
        var version = GetString(obj, "version", path) ?? "1";
        var taskName = GetString(obj, "task", path) ?? "binary_classification";
        if (!ModelTasks.TryParse(taskName, out var task))
        {
            throw new InvalidDataException($"{path}: task '{taskName}' is not binary_classification or regression.");
        }

        if (obj["features"] is not JsonArray features)
        {
            throw new InvalidDataException($"{path}: 'features' must be an array.");
        }

        var list = new List<FeatureSchema>();
        for (var i = 0; i < features.Count; i++)
        {
            list.Add(ReadFeature(features[i] as JsonObject, $"features[{i}]", path));
        }

        ModelSchema schema;
        try
        {
            schema = new ModelSchema(list);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        var outputs = obj["outputs"] as JsonObject;
        return new ModelSchemaFile(
            name,
            version,
            task,
            schema,
            outputs is null ? null : GetString(outputs, "label", path),
            outputs is null ? null : GetString(outputs, "score", path));
    }

    /// <summary>Writes this description as JSON.</summary>
    /// <param name="path">The file to write.</param>
    public void Write(string path)
    {
        var features = new JsonArray();
        foreach (var f in Schema.Features)
        {
            var node = new JsonObject { ["name"] = f.Name, ["type"] = f.Kind == FeatureKind.Numeric ? "numeric" : "categorical" };
            if (f.Kind == FeatureKind.Numeric && f.HasRange)
            {
                node["min"] = f.Min;
                node["max"] = f.Max;
            }
            else if (f.Kind == FeatureKind.Categorical)
            {
                node["categories"] = new JsonArray([.. f.Categories.Select(c => (JsonNode?)JsonValue.Create(c))]);
            }

            features.Add(node);
        }

        var root = new JsonObject
        {
            ["name"] = Name,
            ["version"] = Version,
            ["task"] = ModelTasks.GetName(Task),
            ["features"] = features,
        };
        if (LabelOutput is not null || ScoreOutput is not null)
        {
            root["outputs"] = new JsonObject { ["label"] = LabelOutput, ["score"] = ScoreOutput };
        }

        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static FeatureSchema ReadFeature(JsonObject? node, string where, string path)
    {
        if (node is null)
        {
            throw new InvalidDataException($"{path}: {where} must be an object.");
        }

        var name = GetString(node, "name", path);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDataException($"{path}: {where}.name is required.");
        }

        var type = GetString(node, "type", path) ?? "numeric";
        try
        {
            if (string.Equals(type, "categorical", StringComparison.OrdinalIgnoreCase))
            {
                if (node["categories"] is not JsonArray cats)
                {
                    throw new InvalidDataException($"{path}: {where}.categories must be an array of strings.");
                }

                return FeatureSchema.Categorical(name, cats.Select(c => c?.GetValueKind() == JsonValueKind.String
                    ? c.GetValue<string>()
                    : throw new InvalidDataException($"{path}: {where}.categories must be an array of strings.")));
            }

            if (!string.Equals(type, "numeric", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{path}: {where}.type '{type}' is not numeric or categorical.");
            }

            return FeatureSchema.Numeric(name, GetNumber(node, "min", where, path), GetNumber(node, "max", where, path));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {where}: {ex.Message}", ex);
        }
    }

    private static double GetNumber(JsonObject node, string key, string where, string path)
    {
        var value = node[key];
        if (value is null)
        {
            return double.NaN;
        }

        return value.GetValueKind() == JsonValueKind.Number
            ? value.GetValue<double>()
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: {where}.{key} must be a number."));
    }

    private static string? GetString(JsonObject node, string key, string path)
    {
        var value = node[key];
        if (value is null)
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new InvalidDataException($"{path}: '{key}' must be a string.");
    }
}
