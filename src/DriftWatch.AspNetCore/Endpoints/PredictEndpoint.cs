using System.Buffers;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Monitoring;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>POST /v1/models/{model}/predict</c>: parse, predict, observe, queue for the store, answer.</summary>
internal static partial class PredictEndpoint
{
    private static readonly KeyValuePair<string, object?> UnknownModelTag = new("model", "__unknown__");

    public static async Task<IResult> HandleAsync(string model, HttpContext context, DriftWatchRuntime runtime)
    {
        var started = runtime.TimeProvider.GetTimestamp();
        if (!runtime.Registry.TryGetEntry(model, out var entry))
        {
            runtime.Metrics.Errors.Add(1, UnknownModelTag, new("reason", "unknown_model"));
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        var limits = runtime.Options.Limits;
        var (buffer, length, error) = await RequestBody.ReadAsync(context.Request, limits.MaxRequestBytes, context.RequestAborted);
        if (error is not null)
        {
            return Fail(runtime, entry, error);
        }

        FeatureBatch? batch;
        try
        {
            (batch, error) = PredictRequestParser.Parse(buffer.AsSpan(0, length), entry.Model.Schema, limits.MaxInstances);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer!);
        }

        if (error is not null)
        {
            return Fail(runtime, entry, error);
        }

        var outputs = new ModelOutput[batch!.Count];
        try
        {
            entry.Model.Predict(batch, outputs);
        }
#pragma warning disable CA1031 // A model failure is answered with a 500 problem and counted, never an unhandled crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            runtime.Metrics.Errors.Add(1, entry.ModelTag, entry.VersionTag, new("reason", "model_error"));
            Log.ModelFailed(runtime.Logger, entry.Model.Name, ex);
            return TypedResults.Problem(detail: "The model failed to predict.", statusCode: StatusCodes.Status500InternalServerError, title: "Model error");
        }

        var now = runtime.TimeProvider.GetUtcNow();
        var ids = new string[batch.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Guid.CreateVersion7(now).ToString("N");
        }

        if (entry.Observers.Length > 0)
        {
            runtime.ObservePredictions(entry, new PredictionBatch(entry.Model, batch, outputs, ids, now));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            runtime.Writer.TryEnqueue(new PendingPrediction(ids[i], entry.Model, now, batch, i, outputs[i]));
        }

        var elapsed = runtime.TimeProvider.GetElapsedTime(started);
        runtime.Metrics.Predictions.Add(ids.Length, entry.ModelTag, entry.VersionTag);
        runtime.Metrics.Duration.Record(elapsed.TotalSeconds, entry.ModelTag, entry.VersionTag);
        entry.Traffic.Record(ids.Length, elapsed);
        return new PredictionsResult(ids, outputs, entry.Model.Task);
    }

    internal static IResult Fail(DriftWatchRuntime runtime, ModelEntry entry, RequestError error)
    {
        runtime.Metrics.Errors.Add(1, entry.ModelTag, entry.VersionTag, new("reason", error.Reason));
        if (error.ViolationKind == InputViolationKinds.WrongType && error.Feature >= 0)
        {
            // Attributed to the schema feature (by index, never by a name from the request) in the input SLIs and in
            // the drift monitor, whose next snapshot names the feature in a wrong_type integrity fault.
            entry.Inputs?.CountWrongType(error.Feature);
            var name = entry.Model.Schema.Features[error.Feature].Name;
            foreach (var (_, observer) in entry.Observers)
            {
                if (observer is ModelDriftObserver drift)
                {
                    drift.Monitor.RecordWrongType(name);
                }
            }
        }
        else if (error.ViolationKind >= 0)
        {
            entry.Inputs?.CountViolation(error.ViolationKind);
        }

        return Problems.From(error);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Model {Model} failed to predict.")]
        public static partial void ModelFailed(ILogger logger, string model, Exception exception);
    }
}
