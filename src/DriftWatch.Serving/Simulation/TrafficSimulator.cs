using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Simulation;

/// <summary>
/// Sends generated credit applications to a service's predict endpoint at a fixed rate and, after a delay, their true
/// labels to its feedback endpoint: the traffic of <c>driftwatch simulate</c> and <c>driftwatch demo</c>.
/// </summary>
/// <remarks>
/// Requests go one at a time (the next waits for the previous), paced so that rows per second stay at the asked rate
/// when the service keeps up; the run is bounded by the phases' total duration. A failed request is counted and the run
/// goes on; labels due after the last phase are sent once their delay has passed.
/// <threadsafety>One run at a time per instance.</threadsafety>
/// </remarks>
public sealed class TrafficSimulator
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _predict;
    private readonly Uri _feedback;
    private readonly CreditRiskGenerator _generator;
    private readonly TimeProvider _time;
    private readonly Queue<(DateTimeOffset Due, string Id, double Predicted, int Actual)> _pending = new();

    /// <summary>Initializes a new instance of the <see cref="TrafficSimulator"/> class.</summary>
    /// <param name="http">The client to send with.</param>
    /// <param name="target">The service's base URL.</param>
    /// <param name="model">The model name.</param>
    /// <param name="seed">The generator seed.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    public TrafficSimulator(HttpClient http, Uri target, string model, int seed, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _http = http;
        var root = target.AbsoluteUri.TrimEnd('/');
        var escaped = Uri.EscapeDataString(model);
        _predict = new Uri($"{root}/v1/models/{escaped}/predict");
        _feedback = new Uri($"{root}/v1/models/{escaped}/feedback");
        _generator = new CreditRiskGenerator(seed);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the running totals.</summary>
    public SimulationStats Stats { get; } = new();

    /// <summary>Plays the phases one after the other, then sends the labels still due.</summary>
    /// <param name="phases">The phases.</param>
    /// <param name="rowsPerSecond">The rate in rows per second.</param>
    /// <param name="batchSize">Rows per predict request.</param>
    /// <param name="labelDelay">How long after a prediction its label is sent.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>A task that completes when the run is over.</returns>
    public async Task RunAsync(IReadOnlyList<SimulationPhase> phases, double rowsPerSecond, int batchSize, TimeSpan labelDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (!double.IsFinite(rowsPerSecond) || rowsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rowsPerSecond), rowsPerSecond, "The rate must be a positive number.");
        }

        var interval = TimeSpan.FromSeconds(batchSize / rowsPerSecond);
        for (var p = 0; p < phases.Count; p++)
        {
            var phase = phases[p];
            Stats.StartPhase(p);
            var start = _time.GetUtcNow();
            var end = start + phase.Duration;
            var tick = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                if (now >= end)
                {
                    break;
                }

                var progress = Math.Clamp((now - start) / phase.Duration, 0, 1);
                await PredictAsync(phase.Scenario, progress, batchSize, now + labelDelay, cancellationToken).ConfigureAwait(false);
                await SendDueLabelsAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                tick++;
                var next = start + (interval * tick);
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (_pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var wait = _pending.Last().Due - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            await SendDueLabelsAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PredictAsync(DriftScenario scenario, double progress, int count, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var rows = _generator.Generate(count, scenario, progress);
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("instances");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in row.ToFeatures())
                {
                    switch (value)
                    {
                        case null:
                            writer.WriteNull(name);
                            break;
                        case double d:
                            writer.WriteNumber(name, d);
                            break;
                        default:
                            writer.WriteString(name, (string)value);
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var ok = false;
        try
        {
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = Json;
            using var response = await _http.PostAsync(_predict, content, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Stats.LastError = string.Create(CultureInfo.InvariantCulture, $"predict: HTTP {(int)response.StatusCode} {Shorten(text)}");
            }
            else
            {
                using var doc = JsonDocument.Parse(text);
                var i = 0;
                foreach (var prediction in doc.RootElement.GetProperty("predictions").EnumerateArray())
                {
                    if (i < rows.Count && prediction.TryGetProperty("id", out var id) && id.GetString() is { } idText)
                    {
                        _pending.Enqueue((due, idText, Number(prediction.GetProperty("label")), rows[i].Label));
                    }

                    i++;
                }

                ok = true;
            }
        }
        catch (HttpRequestException ex)
        {
            Stats.LastError = $"predict: {ex.Message}";
        }
        catch (JsonException ex)
        {
            Stats.LastError = $"predict: unreadable response ({ex.Message})";
        }
        catch (KeyNotFoundException)
        {
            Stats.LastError = "predict: the response has no \"predictions\"";
        }

        Stats.AddRequest(count, ok);
    }

    private async Task SendDueLabelsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_pending.Count > 0 && _pending.Peek().Due <= now)
        {
            var batch = new List<(DateTimeOffset Due, string Id, double Predicted, int Actual)>();
            while (batch.Count < 500 && _pending.Count > 0 && _pending.Peek().Due <= now)
            {
                batch.Add(_pending.Dequeue());
            }

            using var body = new MemoryStream();
            using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("feedback");
                foreach (var item in batch)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", item.Id);
                    writer.WriteNumber("actual", item.Actual);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            try
            {
                using var content = new ByteArrayContent(body.ToArray());
                content.Headers.ContentType = Json;
                using var response = await _http.PostAsync(_feedback, content, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    foreach (var item in batch)
                    {
                        Stats.AddLabel(item.Predicted == item.Actual);
                    }
                }
                else
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    Stats.LastError = string.Create(CultureInfo.InvariantCulture, $"feedback: HTTP {(int)response.StatusCode} {Shorten(text)}");
                }
            }
            catch (HttpRequestException ex)
            {
                Stats.LastError = $"feedback: {ex.Message}";
            }
        }
    }

    private static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => double.NaN,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
