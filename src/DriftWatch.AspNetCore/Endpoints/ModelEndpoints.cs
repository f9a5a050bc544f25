using System.Text.Json.Nodes;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c>.</summary>
internal static class ModelEndpoints
{
    public static IResult List(DriftWatchRuntime runtime)
    {
        var models = new JsonArray();
        foreach (var m in runtime.Registry.Models)
        {
            models.Add(new JsonObject { ["name"] = m.Name, ["version"] = m.Model.Version, ["task"] = ModelTasks.GetName(m.Model.Task) });
        }

        return TypedResults.Json(new JsonObject { ["models"] = models });
    }

    public static IResult Get(string model, DriftWatchRuntime runtime)
    {
        if (!runtime.Registry.TryGetModel(model, out var served))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        var features = new JsonArray();
        foreach (var f in served.Model.Schema.Features)
        {
            var node = new JsonObject { ["name"] = f.Name, ["type"] = f.Kind == FeatureKind.Numeric ? "numeric" : "categorical" };
            if (f.Kind == FeatureKind.Numeric)
            {
                node["min"] = f.HasRange ? f.Min : null;
                node["max"] = f.HasRange ? f.Max : null;
            }
            else
            {
                node["categories"] = new JsonArray([.. f.Categories.Select(c => (JsonNode?)JsonValue.Create(c))]);
            }

            features.Add(node);
        }

        return TypedResults.Json(new JsonObject
        {
            ["name"] = served.Name,
            ["version"] = served.Model.Version,
            ["task"] = ModelTasks.GetName(served.Model.Task),
            ["features"] = features,
            ["reference_rows"] = served.Reference?.RowCount,
        });
    }
}
