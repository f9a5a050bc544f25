using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>The registry of online change detectors by name: creation from text options and restore from snapshots.</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread. The detectors it creates are not thread-safe.</threadsafety></remarks>
public static class DriftDetectors
{
    private static readonly Dictionary<string, Entry> ByName = new(StringComparer.Ordinal)
    {
        [Adwin.DetectorName] = Entry.Of<AdwinOptions>(o => new Adwin(o), Adwin.Restore),
        [PageHinkley.DetectorName] = Entry.Of<PageHinkleyOptions>(o => new PageHinkley(o), PageHinkley.Restore),
        [Ddm.DetectorName] = Entry.Of<DdmOptions>(o => new Ddm(o), Ddm.Restore),
        [Eddm.DetectorName] = Entry.Of<EddmOptions>(o => new Eddm(o), Eddm.Restore),
        [HddmA.DetectorName] = Entry.Of<HddmAOptions>(o => new HddmA(o), HddmA.Restore),
        [HddmW.DetectorName] = Entry.Of<HddmWOptions>(o => new HddmW(o), HddmW.Restore),
        [Fhddm.DetectorName] = Entry.Of<FhddmOptions>(o => new Fhddm(o), Fhddm.Restore),
        [Cusum.DetectorName] = Entry.Of<CusumOptions>(o => new Cusum(o), Cusum.Restore),
        [Ewma.DetectorName] = Entry.Of<EwmaOptions>(o => new Ewma(o), Ewma.Restore),
        [Shewhart.DetectorName] = Entry.Of<ShewhartOptions>(o => new Shewhart(o), Shewhart.Restore),
        [Kswin.DetectorName] = Entry.Of<KswinOptions>(o => new Kswin(o), Kswin.Restore),
    };

    // Spellings .NET does not parse but Python and the CSV reader do.
    private static readonly HashSet<string> NonFiniteSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        "nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity",
    };

    /// <summary>Gets the registered detector names.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Gets the option names (River's parameter names) a detector accepts.</summary>
    /// <param name="name">The detector name.</param>
    /// <returns>The option names.</returns>
    /// <exception cref="ArgumentException">The detector is unknown.</exception>
    public static IReadOnlyList<string> OptionNames(string name) => Find(name).OptionNames;

    /// <summary>Creates a detector from text options such as <c>delta=0.01</c>.</summary>
    /// <param name="name">The detector name (<c>adwin</c>, <c>page-hinkley</c>, ...).</param>
    /// <param name="options">Option values by River parameter name; numbers in invariant culture, <c>true</c>/<c>false</c>, <c>none</c>, enum names such as <c>up</c>, or for a list (KSWIN's <c>window</c>) comma-separated numbers, optionally in brackets.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="ArgumentException">The name or an option key is unknown, or a value is malformed, non-finite or out of range (the message names it).</exception>
    public static IDriftDetector Create(string name, IEnumerable<KeyValuePair<string, string>>? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = Find(name);
        var json = new JsonObject();
        foreach (var (key, text) in options ?? [])
        {
            if (!entry.OptionNames.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Unknown option '{key}' for detector '{name}'; known options: {string.Join(", ", entry.OptionNames)}.", nameof(options));
            }

            json[key] = entry.ListOptionNames.Contains(key, StringComparer.Ordinal) ? ParseList(key, text) : ParseValue(key, text);
        }

        object? parsed;
        try
        {
            parsed = entry.Parse(json);
        }
        catch (JsonException ex)
        {
            string key = ex.Path is { Length: > 2 } path ? path[2..] : "?";
            string value = json[key]?.ToJsonString() ?? "?";
            throw new ArgumentException($"Option '{key}' of detector '{name}' has an invalid value {value}.", nameof(options), ex);
        }

        return entry.Create(parsed);
    }

    /// <summary>Restores a detector from a snapshot written by <see cref="IDriftDetector.SaveSnapshot"/>.</summary>
    /// <param name="json">The snapshot text.</param>
    /// <returns>A detector that continues exactly where the saved one stopped.</returns>
    /// <exception cref="ArgumentException">The snapshot is malformed or names an unknown detector.</exception>
    public static IDriftDetector Restore(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            string name = document.RootElement.GetProperty("detector").GetString() ?? string.Empty;
            return Find(name).Restore(json);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException($"Not a detector snapshot: {ex.Message}", nameof(json), ex);
        }
    }

    private static Entry Find(string name) =>
        ByName.TryGetValue(name, out var entry)
            ? entry
            : throw new ArgumentException($"Unknown detector '{name}'; known detectors: {string.Join(", ", ByName.Keys)}.", nameof(name));

    private static JsonNode? ParseValue(string key, string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(trimmed.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        bool parsed = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
        if (!parsed && NonFiniteSpellings.Contains(trimmed))
        {
            (parsed, number) = (true, double.NaN);
        }

        if (parsed)
        {
            if (!double.IsFinite(number))
            {
                throw new ArgumentException($"Option '{key}' must be a finite number, got '{text}'.", nameof(text));
            }

            // Integral values stay integral so that integer options accept them.
            return number == Math.Floor(number) && Math.Abs(number) < 1e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }

        return JsonValue.Create(trimmed);
    }

    // "1, 2.5, 3" or "[1, 2.5, 3]" → a JSON array of finite numbers; "none" → null.
    private static JsonNode? ParseList(string key, string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            trimmed = trimmed[1..^1];
        }

        var array = new JsonArray();
        foreach (string part in trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            bool parsed = double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
            if (!parsed && NonFiniteSpellings.Contains(part))
            {
                (parsed, number) = (true, double.NaN);
            }

            if (!parsed)
            {
                throw new ArgumentException($"Option '{key}' must be a comma-separated list of numbers, got '{text}'.", nameof(text));
            }

            if (!double.IsFinite(number))
            {
                throw new ArgumentException($"Option '{key}' must hold finite numbers, got '{part}'.", nameof(text));
            }

            array.Add((JsonNode)JsonValue.Create(number));
        }

        return array;
    }

    private sealed record Entry(IReadOnlyList<string> OptionNames, IReadOnlyList<string> ListOptionNames, Func<JsonObject, object?> Parse, Func<object?, IDriftDetector> Create, Func<string, IDriftDetector> Restore)
    {
        // Option names and types come from the generated metadata (the JSON names are River's), not from reflection.
        public static Entry Of<TOptions>(Func<TOptions?, IDriftDetector> create, Func<string, IDriftDetector> restore)
            where TOptions : class
        {
            var typeInfo = DetectorJson.TypeInfo<TOptions>();
            var names = typeInfo.Properties.Select(p => p.Name).ToArray();
            var lists = typeInfo.Properties.Where(p => p.PropertyType == typeof(IReadOnlyList<double>)).Select(p => p.Name).ToArray();
            return new Entry(names, lists, o => o.Deserialize(typeInfo), o => create((TOptions?)o), restore);
        }
    }
}
