using System.Text.Json;
using DriftWatch.Serving.Models;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary>Writes <c>{"predictions":[{"id":"...","label":1,"score":0.83}]}</c> straight to the response.</summary>
internal sealed class PredictionsResult(string[] ids, ModelOutput[] outputs, ModelTask task) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json";
        Write(httpContext.Response.BodyWriter);
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private void Write(System.IO.Pipelines.PipeWriter body)
    {
        using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteStartArray("predictions"u8);
        for (var i = 0; i < ids.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, ids[i]);
            if (task == ModelTask.BinaryClassification)
            {
                writer.WriteNumber("label"u8, (int)outputs[i].Label);
            }
            else
            {
                writer.WriteNumber("label"u8, outputs[i].Label);
            }

            writer.WriteNumber("score"u8, outputs[i].Score);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
