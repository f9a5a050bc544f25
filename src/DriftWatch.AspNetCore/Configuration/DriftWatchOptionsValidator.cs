using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DriftWatch.Serving.Models;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Configuration;

/// <summary>Validates <see cref="DriftWatchOptions"/> at start-up; each failure is one line naming the setting.</summary>
internal sealed class DriftWatchOptionsValidator : IValidateOptions<DriftWatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DriftWatchOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        Annotations(builder, options.Store, "Store");
        Annotations(builder, options.Limits, "Limits");
        Annotations(builder, options.Monitoring, "Monitoring");
        if (options.Store.Provider == "postgres" && string.IsNullOrWhiteSpace(options.Store.ConnectionString))
        {
            builder.AddError("Store:ConnectionString is required when Store:Provider is 'postgres'");
        }

        if (options.Store.Provider == "sqlite" && string.IsNullOrWhiteSpace(options.Store.Path))
        {
            builder.AddError("Store:Path is required when Store:Provider is 'sqlite'");
        }

        if (options.Store.Retention <= TimeSpan.Zero || options.Store.PruneInterval <= TimeSpan.Zero)
        {
            builder.AddError("Store:Retention and Store:PruneInterval must be positive durations");
        }

        Keys(builder, options.Security.AdminKeys, "Security:AdminKeys");
        Keys(builder, options.Security.PredictKeys, "Security:PredictKeys");
        Keys(builder, options.Security.FeedbackKeys, "Security:FeedbackKeys");
        Keys(builder, options.Security.MetricsKeys, "Security:MetricsKeys");

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Models.Count; i++)
        {
            var m = options.Models[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Models:{i}");
            Annotations(builder, m, at);
            if (!names.Add(m.Name))
            {
                builder.AddError($"{at}:Name '{m.Name}' is used by two models");
            }

            var type = ModelTypeOf(m);
            if (type is null)
            {
                builder.AddError($"{at}:Type '{m.Type}' is not mlnet, onnx or builtin (or give a .zip/.onnx Path)");
                continue;
            }

            if (type != "builtin" && (string.IsNullOrWhiteSpace(m.Path) || !File.Exists(m.Path)))
            {
                builder.AddError($"{at}:Path: model file '{m.Path}' does not exist");
            }

            if (m.Reference is not null && !File.Exists(m.Reference))
            {
                builder.AddError($"{at}:Reference: file '{m.Reference}' does not exist");
            }

            if (m.Task is not null && !ModelTasks.TryParse(m.Task, out _))
            {
                builder.AddError($"{at}:Task '{m.Task}' is not binary_classification or regression");
            }

            if (m.LabelColumn is not null)
            {
                if (string.IsNullOrWhiteSpace(m.LabelColumn))
                {
                    builder.AddError($"{at}:LabelColumn is empty: name the reference column holding the label, or remove the key");
                }
                else if (type == "builtin")
                {
                    builder.AddError($"{at}:LabelColumn '{m.LabelColumn}' applies to a model file with a Reference; the built-in model's label column is 'default'");
                }
                else if (m.Reference is null)
                {
                    builder.AddError($"{at}:LabelColumn '{m.LabelColumn}' needs a Reference file that holds it");
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Gets the model type: the configured one, or inferred from the file extension.</summary>
    internal static string? ModelTypeOf(ModelOptions model)
    {
        var type = model.Type?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type))
        {
            var ext = Path.GetExtension(model.Path ?? string.Empty).ToLowerInvariant();
            type = ext switch { ".zip" => "mlnet", ".onnx" => "onnx", "" => "builtin", _ => null };
        }

        return type is "mlnet" or "onnx" or "builtin" ? type : null;
    }

    private static void Annotations(ValidateOptionsResultBuilder builder, object value, string prefix)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            foreach (var r in results)
            {
                var member = r.MemberNames.FirstOrDefault() ?? "?";
                var message = r.ErrorMessage ?? "is invalid";
                builder.AddError($"{prefix}:{member} {message.Replace($"The field {member} ", string.Empty, StringComparison.Ordinal)}");
            }
        }
    }

    private static void Keys(ValidateOptionsResultBuilder builder, IList<string> keys, string at)
    {
        if (keys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length < 16))
        {
            builder.AddError($"{at}: every key must be at least 16 characters");
        }
    }
}
