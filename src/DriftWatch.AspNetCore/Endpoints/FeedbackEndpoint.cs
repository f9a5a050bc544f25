using System.Buffers;
using System.Globalization;
using DriftWatch.AspNetCore.Hosting;
using DriftWatch.AspNetCore.Requests;
using DriftWatch.Serving.Monitoring;
using DriftWatch.Serving.Storage;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Endpoints;

/// <summary><c>POST /v1/models/{model}/feedback</c>: store labels (acknowledged only after the commit), then observe them.</summary>
/// <remarks>
/// Idempotency rule: the first label stored for a prediction id stands. Sending the same label again answers 200 with
/// status <c>duplicate</c> and changes nothing (metrics are not counted twice); a different label answers 409 and
/// keeps the first. With a shared (PostgreSQL) store, an id not found is looked up again for about 0.8 s before the 404,
/// since another replica may have answered the prediction before committing it. A request is all or nothing: one unknown id (404) or conflict (409) stores none of its items.
/// Labels of predictions made by another version of the model (before a reload) are stored and counted in
/// <c>driftwatch_feedback_total</c>, but do not enter the quality window and detectors of the version now served.
/// </remarks>
internal static class FeedbackEndpoint
{
    /// <summary>Waits between lookups of an id not found in a shared (PostgreSQL) store: about 0.8 s in all.</summary>
    internal static readonly TimeSpan[] SharedStoreRetryDelays =
        [TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];

    public static async Task<IResult> HandleAsync(string model, HttpContext context, DriftWatchRuntime runtime)
    {
        if (!runtime.Registry.TryGetEntry(model, out var entry))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "model", $"No model named '{RequestBody.Truncate(model)}'; GET /v1/models lists them.");
        }

        var (buffer, length, error) = await RequestBody.ReadAsync(context.Request, runtime.Options.Limits.MaxRequestBytes, context.RequestAborted);
        if (error is not null)
        {
            return Problems.From(error);
        }

        List<FeedbackItem>? items;
        try
        {
            (items, error) = FeedbackRequestParser.Parse(buffer.AsSpan(0, length), entry.Model.Task, runtime.Options.Limits.MaxFeedbackItems);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer!);
        }

        if (error is not null)
        {
            return Problems.From(error);
        }

        var now = runtime.TimeProvider.GetUtcNow();
        var outcomes = await runtime.Store.RecordFeedbackAsync(model, items!, now, context.RequestAborted);
        if (outcomes.Any(o => o.Status == FeedbackStatus.UnknownId))
        {
            // The prediction may still be in the writer's queue: write it out and try once more.
            await runtime.Writer.FlushAsync(context.RequestAborted);
            outcomes = await runtime.Store.RecordFeedbackAsync(model, items!, now, context.RequestAborted);
        }

        if (runtime.Store.Provider == "postgres")
        {
            // A shared store: the prediction may have been made by another replica whose writer has not committed it
            // yet (it answers before it writes). Look again a few times before answering 404.
            foreach (var delay in SharedStoreRetryDelays)
            {
                if (!outcomes.Any(o => o.Status == FeedbackStatus.UnknownId))
                {
                    break;
                }

                await Task.Delay(delay, runtime.TimeProvider, context.RequestAborted);
                outcomes = await runtime.Store.RecordFeedbackAsync(model, items!, now, context.RequestAborted);
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"feedback[{i}]");
            if (outcomes[i].Status == FeedbackStatus.UnknownId)
            {
                return Problems.Create(StatusCodes.Status404NotFound, $"{at}.id", $"{at}.id: no prediction of model '{model}' has id '{RequestBody.Truncate(items![i].PredictionId)}'; nothing was stored.");
            }

            if (outcomes[i].Status == FeedbackStatus.Conflict)
            {
                return Problems.Create(
                    StatusCodes.Status409Conflict,
                    $"{at}.actual",
                    string.Create(CultureInfo.InvariantCulture, $"{at}.actual: a different label ({outcomes[i].StoredActual}) is already stored for this id and stands; nothing was stored."));
            }
        }

        var labelled = new List<LabelledPrediction>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Status == FeedbackStatus.Stored && (outcomes[i].ModelVersion is null || outcomes[i].ModelVersion == entry.Model.Version))
            {
                labelled.Add(new LabelledPrediction(items![i].PredictionId, outcomes[i].Output, items[i].Actual, outcomes[i].PredictedAt, now));
            }
        }

        var stored = outcomes.Count(o => o.Status == FeedbackStatus.Stored);
        runtime.Metrics.Feedback.Add(stored, entry.ModelTag, entry.VersionTag, new("status", "stored"));
        runtime.Metrics.Feedback.Add(outcomes.Length - stored, entry.ModelTag, entry.VersionTag, new("status", "duplicate"));
        if (labelled.Count > 0 && entry.Observers.Length > 0)
        {
            runtime.ObserveLabels(entry, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(labelled));
        }

        return TypedResults.Ok(new FeedbackResponse([.. items!.Select((item, i) => new FeedbackResponseItem(
            item.PredictionId,
            outcomes[i].Status == FeedbackStatus.Stored ? "stored" : "duplicate"))]));
    }
}
